package dev.typhon.ast.parser;

import dev.typhon.ast.Module;
import dev.typhon.ast.NodeIds;
import dev.typhon.ast.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses Python source into CPython's syntax tree ({@code ast.parse}): the same nodes, fields
 * and positions, for every program CPython accepts; and for one it rejects, every syntax error
 * found plus a tree that keeps the broken statements as far as they were typed, with
 * {@link dev.typhon.ast.Placeholders} for the missing pieces. Never throws on any input.
 */
public final class PythonParser {

    private PythonParser() {
    }

    /** Parses a file's bytes (BOM and PEP 263 coding cookie honoured) with {@link ParseOptions#DEFAULT}. */
    public static ParseResult parse(byte[] fileBytes) {
        return parse(fileBytes, ParseOptions.DEFAULT);
    }

    /** Parses a file's bytes (BOM and PEP 263 coding cookie honoured). */
    public static ParseResult parse(byte[] fileBytes, ParseOptions options) {
        SourceText source;
        try {
            source = SourceText.decode(fileBytes == null ? new byte[0] : fileBytes);
        } catch (RuntimeException e) {
            source = SourceText.of("");
            return new ParseResult(Module.of(List.of(), List.of()),
                    List.of(SyntaxError.global("cannot decode source: " + e, 0, 0)), source);
        }
        return parse(source, options);
    }

    /** Parses already decoded source text. */
    public static ParseResult parse(String text, ParseOptions options) {
        return parse(SourceText.of(text == null ? "" : text), options);
    }

    private static ParseResult parse(SourceText source, ParseOptions options) {
        ParseOptions opts = options == null ? ParseOptions.DEFAULT : options;
        try {
            TokenBuffer tokens = Tokenizer.tokenize(source.text(), opts.typeComments());
            StatementParser parser = new StatementParser(tokens, opts);
            if (opts.typeComments()) {
                for (TokenBuffer.TypeIgnore ignore : tokens.typeIgnores()) {
                    parser.addTypeIgnore(ignore);
                }
            }
            Module module = parser.parseModule();
            List<SyntaxError> errors = merge(source.errors(), tokens.errors(), parser.errors);
            // Numbered here, before the result is constructed (see ParseResult).
            return new ParseResult(module, errors, source, tokens.comments(), NodeIds.assign(module));
        } catch (RuntimeException | StackOverflowError e) {
            // Last resort: a bug must not take the caller down with it.
            List<SyntaxError> errors = new ArrayList<>(source.errors());
            errors.add(SyntaxError.global("internal parser error: " + e, 0, 0));
            return new ParseResult(Module.of(List.of(), List.of()), errors, source);
        }
    }

    /** All errors in source order, without duplicates; whole-source errors first. */
    private static List<SyntaxError> merge(List<SyntaxError> decoding, List<SyntaxError> lexical,
            List<SyntaxError> syntactic) {
        if (decoding.isEmpty() && lexical.isEmpty() && syntactic.isEmpty()) {
            return List.of();
        }
        ArrayList<SyntaxError> all = new ArrayList<>(decoding.size() + lexical.size() + syntactic.size());
        all.addAll(decoding);
        all.addAll(lexical);
        all.addAll(syntactic);
        all.sort(Comparator.comparingInt((SyntaxError e) -> e.lineno() == 0 ? -1 : e.startOffset()));
        ArrayList<SyntaxError> out = new ArrayList<>(all.size());
        for (SyntaxError e : all) {
            if (!out.isEmpty() && out.get(out.size() - 1).equals(e)) {
                continue;
            }
            out.add(e);
        }
        return out;
    }
}
