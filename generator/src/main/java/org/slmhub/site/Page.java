package org.slmhub.site;

import java.util.Map;

/**
 * One HTML file the generator renders: its path under the output folder, the Freemarker template,
 * and the data the template gets (plain maps, lists and strings).
 */
public record Page(String path, String template, Map<String, Object> data) {
}
