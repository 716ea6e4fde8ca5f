package dev.subsidy.gateway.awards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.PolicyProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policies (administrator only): {@code GET /api/v1/policies} lists the loaded ones;
 * {@code POST /api/v1/policies/validate} checks a draft file as startup would;
 * {@code POST /api/v1/policies/{id}/preview} shows what a loaded policy pays on hypothetical figures.
 */
@RestController
class PolicyController {

    /** A policy file is a few kilobytes; a request body is a draft or a handful of figures. */
    private static final long MAX_BODY = 1024L * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[\\w.\\-]{1,100}");

    private final PolicyCatalog catalog;
    private final PolicyDraftCheck drafts;
    private final PolicyPreview preview;
    private final PreviewRequestReader previewReader;
    private final ObjectMapper json;

    PolicyController(PolicyCatalog catalog, RegistryStore registry, PriorAwardStore priorAwards, ObjectMapper json) {
        this.catalog = catalog;
        this.drafts = new PolicyDraftCheck(catalog);
        this.preview = new PolicyPreview(new PolicyEngine(), registry, priorAwards);
        this.previewReader = new PreviewRequestReader(json);
        this.json = json;
    }

    record ValidateReply(boolean valid, List<PolicyProblem> problems) {}

    @GetMapping("/api/v1/policies")
    List<PolicyView> policies() {
        return catalog.all().stream().map(PolicyView::of).toList();
    }

    /** Body: the policy file (YAML, UTF-8 unless the Content-Type says otherwise). A broken file is still 200. */
    @PostMapping("/api/v1/policies/validate")
    ValidateReply validate(HttpServletRequest request, @RequestParam(defaultValue = "policy.yml") String file) {
        if (!FILE_NAME.matcher(file).matches()) {
            throw new BadRequestException("file: a plain file name such as anqing.yml, not '" + file + "'");
        }
        Charset charset = RequestBodies.charset(RequestBodies.contentType(request));
        String yaml = new String(RequestBodies.read(request, MAX_BODY), charset == null ? StandardCharsets.UTF_8 : charset);
        List<PolicyProblem> problems = drafts.check(yaml, file);
        return new ValidateReply(problems.isEmpty(), problems);
    }

    /**
     * Body {@code {"period", "figures": [{subject, metric, value, period?}], "subjects"?, "priorAwards"?}};
     * without subjects the registry's are used, without priorAwards what earlier closes stored.
     */
    @PostMapping("/api/v1/policies/{policyId}/preview")
    PolicyPreview.Reply preview(@PathVariable String policyId, HttpServletRequest request) {
        Policy policy = catalog.find(policyId)
                .orElseThrow(() -> new NotFoundException("no loaded policy '" + policyId + "'"));
        JsonNode body;
        try {
            body = json.readTree(new String(RequestBodies.read(request, MAX_BODY), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return preview.run(policy, previewReader.read(body, policy.id()));
    }
}
