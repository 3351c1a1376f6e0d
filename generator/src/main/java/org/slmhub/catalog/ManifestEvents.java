package org.slmhub.catalog;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A manifest's YAML events, refusing what no manifest needs. Anchors ({@code &name}) and aliases
 * ({@code *name}): an alias makes two places share one node, so a finding inside it would point
 * at the anchor, and a few aliases can expand into millions of nodes, or into a node that contains
 * itself. And more than {@link #MAX_NODES} values, which only make every later check slow.
 */
final class ManifestEvents implements Parser {
    /** A large manifest (dozens of artifacts, evaluations and tags) has about a thousand. */
    static final int MAX_NODES = 10_000;
    /** Manifests nest four levels deep (artifacts, an artifact, its field); the YAML reader's own limit has no position. */
    static final int MAX_DEPTH = 20;

    private final Parser events;
    private int nodes;
    private int depth;

    ManifestEvents(Parser events) {
        this.events = events;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return events.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return refuse(events.peekEvent());
    }

    @Override
    public Event getEvent() {
        Event event = refuse(events.getEvent());
        if (event instanceof NodeEvent && ++nodes > MAX_NODES) {
            throw new Refused("more than " + MAX_NODES + " values: no manifest needs that many", event.getStartMark());
        }
        if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
            throw new Refused("nested more than " + MAX_DEPTH + " levels deep: no manifest needs that many", event.getStartMark());
        }
        if (event instanceof CollectionEndEvent) {
            depth--;
        }
        return event;
    }

    private static Event refuse(Event event) {
        if (event instanceof AliasEvent alias) {
            throw new Refused("aliases (*" + LocatedYamlParser.shorten(alias.getAnchor())
                    + ") are not allowed in a manifest: write the value out where it is used", event.getStartMark());
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw new Refused("anchors (&" + LocatedYamlParser.shorten(node.getAnchor())
                    + ") are not allowed in a manifest: write each value where it is used", event.getStartMark());
        }
        return event;
    }

    /** Reported like any other syntax problem, at the anchor or alias. */
    static final class Refused extends MarkedYAMLException {
        Refused(String problem, Mark mark) {
            super(null, null, problem, mark);
        }
    }
}
