package dev.subsidy.gateway.delivery;

/** What a batch for the award intake carries, and where it is posted. */
public enum DeliveryKind {
    FIGURES("/v1/figures/batches", "figures", "fb-"),
    AWARDS("/v1/awards/batches", "awards", "ab-");

    private final String path;
    private final String itemsField;
    private final String batchIdPrefix;

    DeliveryKind(String path, String itemsField, String batchIdPrefix) {
        this.path = path;
        this.itemsField = itemsField;
        this.batchIdPrefix = batchIdPrefix;
    }

    /** Path below {@code gateway.award.url}. */
    public String path() {
        return path;
    }

    /** Name of the array that holds the items in the batch body. */
    public String itemsField() {
        return itemsField;
    }

    public String batchIdPrefix() {
        return batchIdPrefix;
    }
}
