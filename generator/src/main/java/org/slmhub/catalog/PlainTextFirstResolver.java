package org.slmhub.catalog;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver runs a regular expression per plain scalar to find numbers, booleans and
 * nulls. Most manifest scalars are words and URLs that start with a letter no YAML 1.1 implicit
 * type can start with; those are strings without any regex, the rest go the standard way.
 */
final class PlainTextFirstResolver extends Resolver {
    /** First letters of YAML 1.1 booleans (yes/no/true/false/on/off) and null. */
    private static final String SPECIAL_LETTERS = "yYnNtTfFoO";

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && !value.isEmpty()) {
            char first = value.charAt(0);
            if (Character.isLetter(first) && SPECIAL_LETTERS.indexOf(first) < 0) {
                return Tag.STR;
            }
        }
        return super.resolve(kind, value, implicit);
    }
}
