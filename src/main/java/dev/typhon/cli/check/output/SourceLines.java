package dev.typhon.cli.check.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file's lines for showing source under a diagnostic: decoded as UTF-8 with undecodable bytes
 * replaced (the checker already reported them), split where the parser splits lines (LF, CRLF, CR);
 * empty when the file cannot be read.
 */
final class SourceLines {
    private SourceLines() {
    }

    static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
