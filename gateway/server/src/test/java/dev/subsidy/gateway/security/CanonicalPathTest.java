package dev.subsidy.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

    @ParameterizedTest
    @ValueSource(strings = {
        "/", "/api/v1/connectors", "/api/v1/feeds/zto-push/records", "/api/v1/records/order/TAOBAO:123",
        "/api/v1/records/shipment/ZTO%3A7312", "/api/v1/registry/subjects/%E4%BB%8E%E6%B1%9F", "/api/v1/figures/",
        "/api/v1/records/order/JD:a%20b", "/api/v1/records/order/JD:a%23b", "/actuator/health/db", "/a/b.c/d..e/~x_y"})
    void aPathWithOneReadingIsAccepted(String path) {
        assertThat(CanonicalPath.problem(path)).isEmpty();
    }

    static Stream<Arguments> nonCanonicalPaths() {
        return Stream.of(
            Arguments.of("/%61pi/v1/connectors", "%61 encodes 'a'"),
            Arguments.of("/api/v%31/connectors", "%31 encodes '1'"),
            Arguments.of("/api/v1/figures/%65ntered", "%65 encodes 'e'"),
            Arguments.of("/api/v1/x%2Dy", "%2D encodes '-'"),
            Arguments.of("/api/v1/x%7e", "%7e encodes '~'"),
            Arguments.of("/api/%2e/v1", "%2e encodes '.'"),
            Arguments.of("/api/%2E%2E/api/v1", "%2E encodes '.'"),
            Arguments.of("/api;/v1/deliveries/state", "';' (a path parameter)"),
            Arguments.of("/api/v1/connectors;jsessionid=1", "';' (a path parameter)"),
            Arguments.of("/api%3B/v1", "encoded ';'"),
            Arguments.of("/api%2Fv1/connectors", "encoded '/'"),
            Arguments.of("/api%2fv1/connectors", "encoded '/'"),
            Arguments.of("/api%5Cv1/connectors", "encoded '\\'"),
            Arguments.of("/api\\v1/connectors", "'\\' is not accepted"),
            Arguments.of("/%2561pi/v1/connectors", "double encoding"),
            Arguments.of("/api/v1/x%00", "control character"),
            Arguments.of("/api/v1/x%0A", "control character"),
            Arguments.of("/api/v1/x%7F", "control character"),
            Arguments.of("/api/./v1/connectors", "'.' and '..' segments"),
            Arguments.of("/api/v1/x/../connectors", "'.' and '..' segments"),
            Arguments.of("/api/v1/connectors/.", "'.' and '..' segments"),
            Arguments.of("/api/v1/connectors/..", "'.' and '..' segments"),
            Arguments.of("//api/v1/connectors", "empty segment"),
            Arguments.of("/api//v1/connectors", "empty segment"),
            Arguments.of("/api/v1/x%E4%B8", "not UTF-8"),
            Arguments.of("/api/v1/x%C0%AF", "not UTF-8"),
            Arguments.of("/api/v1/x%", "two hex digits"),
            Arguments.of("/api/v1/x%4", "two hex digits"),
            Arguments.of("/api/v1/x%zz", "two hex digits"),
            Arguments.of("/api/v1/x y", "must be percent-encoded"),
            Arguments.of("/api/v1/x\"y", "must be percent-encoded"),
            Arguments.of("api/v1/connectors", "must start with '/'"));
    }

    @ParameterizedTest
    @MethodSource("nonCanonicalPaths")
    void aPathThatCouldBeReadTwoWaysIsRefusedWithItsReason(String path, String reason) {
        assertThat(CanonicalPath.problem(path)).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @Property(tries = 300)
    void encodingAnyUnreservedCharacterMakesAPathNonCanonical(@ForAll("canonicalPaths") String path,
                                                               @ForAll("positions") int position) {
        int[] letters = path.chars().filter(c -> c != '/').toArray();
        Assume.that(letters.length > 0);
        int index = nthNonSlash(path, position % letters.length);
        String encoded = path.substring(0, index) + "%" + String.format("%02X", (int) path.charAt(index))
                + path.substring(index + 1);

        assertThat(CanonicalPath.problem(path)).isEmpty();
        assertThat(CanonicalPath.problem(encoded)).isPresent();
    }

    @Property(tries = 300)
    void anIdInAnyScriptPercentEncodedAsUtf8IsAccepted(@ForAll("ids") String id) {
        StringBuilder path = new StringBuilder("/api/v1/registry/subjects/");
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xFF;
            if (unsigned < 0x80 && UNRESERVED.indexOf(unsigned) >= 0) {
                path.append((char) unsigned);
            } else {
                path.append('%').append(String.format("%02X", unsigned));
            }
        }
        Assume.that(!id.equals(".") && !id.equals("..") && !id.contains("/") && !id.contains("\\")
                && !id.contains("%") && !id.contains(";") && id.chars().noneMatch(c -> c < 0x20 || c == 0x7F));

        assertThat(CanonicalPath.problem(path.toString())).isEmpty();
    }

    @Provide
    Arbitrary<String> canonicalPaths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars(UNRESERVED.toCharArray()).ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        return segment.list().ofMinSize(1).ofMaxSize(5).map(segments -> "/" + String.join("/", segments));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)
                .filter(s -> s.codePoints().allMatch(Character::isDefined))
                .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s));
    }

    private static int nthNonSlash(String path, int n) {
        int seen = -1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) != '/' && ++seen == n) {
                return i;
            }
        }
        throw new IllegalArgumentException(path);
    }
}
