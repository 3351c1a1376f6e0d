package org.slmhub.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar manifest ("dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"slmhub " + (version == null ? "dev" : version), "manifest schema 1"};
    }
}
