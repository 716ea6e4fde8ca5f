package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The feeds' and registry's reading of a body is the file connector's rule, refusals as 400 with the line. */
class TextDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aGbkBodyWithoutACharsetIsDetected() {
        String csv = "kind,shopId\norder,香猪店\n";
        assertThat(TextDecoder.decode(csv.getBytes(GBK), null)).isEqualTo(csv);
    }

    @Test
    void aMixedBodyIsUnreadableNamingTheLines() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("kind,shopId\norder,香猪店\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("order,从江椪柑\n".getBytes(GBK));
        assertThatThrownBy(() -> TextDecoder.decode(body.toByteArray(), null))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessage("body cannot be read as text: the text mixes encodings: line 2 is UTF-8 and line 3 is GBK; "
                        + "send it all in one encoding");
    }

    @Test
    void aUtf8BodyDeclaredAsIso88591IsUnreadableWithTheReason() {
        assertThatThrownBy(() -> TextDecoder.decode("从江".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("charset ISO-8859-1 is not accepted");
    }
}
