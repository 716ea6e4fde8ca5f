package dev.subsidy.runtime.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.ConfigDef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Credentials written where a definition keeps them in the clear. A definition is stored and returned
 * by the API as written, so a credential belongs only in a setting its type marks secret, as
 * {@code ${env:NAME}}; the secret settings themselves are checked by {@link DefinitionValidator}.
 *
 * <p>The rule, and why: a credential is refused wherever it can be recognised, without guessing at
 * every value. Recognised are
 * <ul>
 *   <li>in the names and values a type sends as they are ({@link ConfigDef.NamedValues}: static
 *       headers, query and form parameters, members of a JSON parameter), any whose name is a
 *       credential's ({@link CredentialNames}: Authorization, Cookie, X-Api-Key, access_token,
 *       client_secret, password, sign …) whatever its value, and any value that is an HTTP
 *       credential ({@code Bearer …}, {@code Basic …});</li>
 *   <li>in any setting or mapping parameter, a URL with user-info ({@code https://user:pass@host}),
 *       a JSON Web Token, a private key;</li>
 *   <li>a mapping parameter named like a credential: a mapping turns records into records and
 *       needs none;</li>
 *   <li>an environment reference inside a longer value ({@code Authorization=${env:TOKEN}}), or in a
 *       mapping parameter: only a whole setting is read from the environment, so the text itself
 *       would be sent.</li>
 * </ul>
 * Requiring every header and parameter value to be a reference instead would refuse the partners'
 * public identifiers ({@code app_key}, {@code client_id}, {@code method}, {@code v}), which every
 * example sends as written and which only the signature, made with a secret setting, makes
 * trustworthy. Every type that needs a credential has a secret setting for it (http-pull's
 * auth_password, auth_token with auth_token_name for any header or parameter, signer_secret).
 * Messages name the setting and the header or parameter, never a value. Stateless.
 */
final class HiddenCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A scheme and an authority holding an '@' before any path, query or fragment. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#\\s]*@");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    /** The value of an Authorization or Proxy-Authorization header, whatever header it is put in. */
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(bearer|basic|digest|token|negotiate|aws4-hmac-sha256)\\s+\\S.*");
    private static final String ENV_START = "${env:";

    private HiddenCredentials() {}

    /**
     * @param def the type's settings, or null for an unknown type (only what any value can hide is then checked)
     * @param values the values the connector would get: written ones, and those read from the environment
     */
    static List<DefinitionProblem> find(ConnectorDefinition d, ConfigDef def, Map<String, String> values) {
        List<DefinitionProblem> problems = new ArrayList<>();
        String where = whereCredentialsGo(d.type(), def);
        d.settings().forEach((name, written) -> {
            ConfigDef.Setting setting = def == null ? null : def.setting(name).orElse(null);
            if (setting != null && setting.isSecret()) {
                return;
            }
            String field = "settings." + name;
            inlineReference(field, written, where).ifPresent(problems::add);
            String value = values.get(name);
            if (value == null) {
                return;
            }
            anyValue(field, value, where).ifPresent(problems::add);
            Optional<ConfigDef.NamedValues> form = setting == null ? Optional.empty() : setting.namedValues();
            if (form.isPresent() && form.get() == ConfigDef.NamedValues.PAIRS) {
                for (Map.Entry<String, String> pair : ConfigDef.NamedValues.pairs(value)) {
                    sentValue(field, pair.getKey(), pair.getValue(), where).ifPresent(problems::add);
                }
            } else if (form.isPresent()) {
                jsonMembers(field, value, where, problems);
            }
        });
        d.mappingParams().forEach((name, value) -> {
            String field = "mappingParams." + name;
            if (CredentialNames.isCredential(name)) {
                problems.add(new DefinitionProblem(field, "names a credential, and a mapping needs none: mapping "
                        + "parameters are stored and shown as written"));
                return;
            }
            if (value.contains(ENV_START)) {
                problems.add(new DefinitionProblem(field, "mapping parameters are never read from the environment: "
                        + "the reference would be used as text, and a mapping needs no credential"));
            }
            anyValue(field, value, "a mapping needs none").ifPresent(problems::add);
        });
        return List.copyOf(problems);
    }

    /** What any value may hide: a URL's user-info, a JSON Web Token, a private key. */
    private static Optional<DefinitionProblem> anyValue(String field, String value, String where) {
        if (USER_INFO.matcher(value).find()) {
            return Optional.of(new DefinitionProblem(field, "holds a URL with user-info (user:password@ before the "
                    + "host); " + where));
        }
        if (JWT.matcher(value).find()) {
            return Optional.of(new DefinitionProblem(field, "holds a token (a JSON Web Token); " + where));
        }
        if (PRIVATE_KEY.matcher(value).find()) {
            return Optional.of(new DefinitionProblem(field, "holds a private key; " + where));
        }
        return Optional.empty();
    }

    /** One header or parameter sent as written. */
    private static Optional<DefinitionProblem> sentValue(String field, String name, String value, String where) {
        if (CredentialNames.isCredential(name)) {
            return Optional.of(new DefinitionProblem(field, "'" + shown(name) + "' is a credential's name, and this "
                    + "setting is stored and shown as written; " + where));
        }
        if (AUTH_SCHEME.matcher(value.strip()).matches()) {
            return Optional.of(new DefinitionProblem(field, "the value of '" + shown(name) + "' is an HTTP credential "
                    + "(Bearer, Basic …), and this setting is stored and shown as written; " + where));
        }
        return Optional.empty();
    }

    private static void jsonMembers(String field, String value, String where, List<DefinitionProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return; // not JSON: the type's own check says so
        }
        members(field, root, "", where, problems);
    }

    private static void members(String field, JsonNode node, String path, String where, List<DefinitionProblem> problems) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String member = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (CredentialNames.isCredential(e.getKey())) {
                    problems.add(new DefinitionProblem(field, "member '" + shown(member) + "' is a credential's name, "
                            + "and this setting is stored and shown as written; " + where));
                } else if (e.getValue().isTextual()) {
                    sentValue(field, member, e.getValue().asText(), where).ifPresent(problems::add);
                } else {
                    members(field, e.getValue(), member, where, problems);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> members(field, item, path, where, problems));
        }
    }

    /** A reference that is not the whole value is not read: its text would travel as it is. */
    private static Optional<DefinitionProblem> inlineReference(String field, String written, String where) {
        if (written.contains(ENV_START) && EnvReference.variable(written).isEmpty()) {
            return Optional.of(new DefinitionProblem(field, "only a whole value is read from the environment "
                    + "(${env:NAME} and nothing else): here the reference would be used as text; " + where));
        }
        return Optional.empty();
    }

    private static String whereCredentialsGo(String type, ConfigDef def) {
        if (def == null || def.secretNames().isEmpty()) {
            return "a credential goes only in a setting its type marks secret, as ${env:NAME}";
        }
        return "a credential goes only in one of " + type + "'s secret settings (" + String.join(", ", def.secretNames())
                + "), as ${env:NAME}";
    }

    /** A name as a message may repeat it: short, one line. */
    private static String shown(String name) {
        String oneLine = name.replaceAll("\\p{C}", "?");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
