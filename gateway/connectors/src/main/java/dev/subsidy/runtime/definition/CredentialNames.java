package dev.subsidy.runtime.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the name of a header or parameter says that its value is a credential: {@code Authorization},
 * {@code Cookie}, {@code X-Api-Key}, {@code access_token}, {@code client_secret}, {@code password},
 * {@code sign}, {@code session}. The name is split into words ({@code X-Auth-Token} → x, auth, token;
 * {@code sessionKey} → session, key) and its last word decides, as the head of an English compound
 * does: {@code sign_method} and {@code token_type} describe a credential without being one. The
 * partners' public identifiers stay allowed: {@code app_key} (Taobao, JD, Douyin) and
 * {@code client_id} (Pinduoduo) are sent in the clear with every request and sign nothing. Stateless.
 */
final class CredentialNames {

    /** A last word ending so is a credential: {@code appsecret}, {@code accesstoken}, {@code password}. */
    private static final List<String> ENDINGS = List.of("token", "secret", "password", "passwd", "passphrase",
            "credential", "credentials", "cookie", "authorization", "signature", "apikey", "privatekey", "secretkey",
            "accesskey", "sessionkey", "signkey", "authkey");
    /** A last word that is exactly one of these is a credential (as endings they would catch "design", "cause"). */
    private static final Set<String> WORDS = Set.of("sign", "sig", "pwd", "pass", "auth", "session", "sessionid",
            "digest", "jwt", "otp", "key");
    /** Words before "key" that make it an identifier, not a credential. */
    private static final Set<String> PUBLIC_KEYS = Set.of("app", "public");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

    private CredentialNames() {}

    static boolean isCredential(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (last.equals("key")) {
            return words.size() == 1 || !PUBLIC_KEYS.contains(words.get(words.size() - 2));
        }
        return WORDS.contains(last) || ENDINGS.stream().anyMatch(last::endsWith);
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : SEPARATORS.split(name.strip())) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
