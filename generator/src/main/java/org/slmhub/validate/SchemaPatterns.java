package org.slmhub.validate;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The schema's {@code pattern}s as JSON Schema means them (ECMA-262): a final {@code $} ends the
 * text. Java's {@code $} also matches before a final line break, which would let
 * {@code "acme/tiny\n"} pass as an id and {@code "tiny.gguf\n"} as a file name.
 */
final class SchemaPatterns implements RegularExpressionFactory {

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(endOfText(regex));
        return value -> pattern.matcher(value).find();
    }

    static String endOfText(String regex) {
        boolean anchored = regex.endsWith("$") && !regex.endsWith("\\$");
        return anchored ? regex.substring(0, regex.length() - 1) + "\\z" : regex;
    }
}
