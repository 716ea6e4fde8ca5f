/**
 * The partners' request-signature schemes, one small {@link dev.subsidy.connector.api.RequestSigner}
 * each, registered with {@link java.util.ServiceLoader}. Every signer is a pure function of the request
 * and its secret; strings are encoded as UTF-8 before hashing. Each reproduces its partner's own SDK or
 * published code byte for byte, awkward inputs included ({@code OfficialSdkVectorsTest} keeps the
 * vectors computed with that code, with where it came from).
 *
 * <table>
 *   <caption>Signers</caption>
 *   <tr><th>name</th><th>partner</th><th>adds</th><th>computes</th></tr>
 *   <tr><td>{@code sf}</td><td>SF Express</td><td>param {@code msgDigest}</td><td>Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord, UTF-8)))</td></tr>
 *   <tr><td>{@code zto}</td><td>ZTO</td><td>header {@code x-dataDigest}</td><td>Base64(MD5(body + appSecret))</td></tr>
 *   <tr><td>{@code sto}</td><td>STO</td><td>param {@code data_digest}</td><td>Base64(MD5(content + secretKey))</td></tr>
 *   <tr><td>{@code cainiao}</td><td>Cainiao</td><td>param {@code data_digest}</td><td>Base64(MD5(logistics_interface + secretKey))</td></tr>
 *   <tr><td>{@code jt}</td><td>J&amp;T</td><td>header {@code digest}</td><td>Base64(MD5(bizContent + privateKey))</td></tr>
 *   <tr><td>{@code yunda}</td><td>Yunda</td><td>header {@code sign}</td><td>lower hex MD5(body + "_" + appSecret)</td></tr>
 *   <tr><td>{@code yto-legacy}</td><td>YTO, old gateway</td><td>param {@code sign}</td><td>upper hex MD5(secret + "app_key"… + "format"… + "method"… + "timestamp"… + "user_id"… + "v"…)</td></tr>
 *   <tr><td>{@code yto}</td><td>YTO, open platform</td><td>param {@code sign}</td><td>Base64(MD5(param + method + "v1" + secret))</td></tr>
 *   <tr><td>{@code jd-logistics}</td><td>JD Logistics (LOP)</td><td>params {@code sign}, {@code algorithm}</td><td>md5-salt: lower hex MD5(secret + "access_token"… + "app_key"… + "method"path + "param_json"body + "timestamp"… + "v"… + secret); HMac*: Base64(HMAC(secret, same text))</td></tr>
 *   <tr><td>{@code kuaidi100}</td><td>kuaidi100</td><td>param {@code sign}</td><td>upper hex MD5(param + key + customer)</td></tr>
 *   <tr><td>{@code taobao-md5}, {@code taobao-hmac}, {@code taobao-hmac-sha256}</td><td>Taobao / Tmall TOP</td><td>params {@code sign_method}, {@code sign}</td><td>s = sorted k1v1k2v2 (sign, and names or values empty or only whitespace, left out, as TOP's Java SDK); upper hex MD5(secret + s + secret) / HMAC-MD5(secret, s) / HMAC-SHA256(secret, s)</td></tr>
 *   <tr><td>{@code jd-jos}</td><td>JD JOS (marketplace)</td><td>param {@code sign}</td><td>upper hex MD5(secret + sorted k+v + secret), blank values left out as TOP's</td></tr>
 *   <tr><td>{@code pinduoduo}</td><td>Pinduoduo</td><td>param {@code sign}</td><td>upper hex MD5(client_secret + sorted k+v + client_secret), every parameter, empty ones too</td></tr>
 *   <tr><td>{@code douyin-md5}, {@code douyin-hmac-sha256}</td><td>Douyin shop</td><td>params {@code sign_method}, {@code sign}</td><td>s = secret + "app_key"… + "method"… + "param_json" + param_json as the SDK rewrites it + "timestamp"… + "v2" + secret; lower hex MD5(s) / HMAC-SHA256(secret, s)</td></tr>
 * </table>
 */
package dev.subsidy.connector.signers;
