// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.genvag.io.vcf.VcfHeaderRules.Field;

/**
 * The meta-information lines that describe samples and where they come from: SAMPLE as VCF 4.1 and 4.2 define it
 * ({@code ID, Genomes, Mixture, Description}, only Description quoted), PEDIGREE (4.1/4.2 {@code Name_N=} fields;
 * 4.3 an ID first), and the URLs of {@code ##assembly} and {@code ##pedigreeDB}. Each method gives the problem in
 * words, or null.
 */
final class SampleHeaderRules {
    private SampleHeaderRules() {
    }

    /** VCF 4.1/4.2 section 1.2.8: {@code ##SAMPLE=<ID=S,Genomes=G1;G2,Mixture=N1;N2,Description=S1;S2>}. */
    static String sample41(List<Field> fields) {
        String id = null;
        boolean genomes = false;
        boolean mixture = false;
        for (Field f : fields) {
            switch (f.key()) {
                case "ID" -> id = f.value();
                case "Genomes" -> genomes = true;
                case "Mixture" -> mixture = true;
                default -> {
                }
            }
            if (f.quoted() && !f.key().equals("Description")) {
                return "##SAMPLE " + f.key() + " is quoted; VCF 4.1 and 4.2 quote only Description";
            }
        }
        if (id == null || id.isEmpty()) {
            return "##SAMPLE has no ID";
        }
        if (!genomes || !mixture) {
            return "##SAMPLE " + id + " lacks " + (genomes ? "Mixture" : "Genomes") + ", which VCF 4.1 and 4.2 "
                    + "require beside ID and Description";
        }
        return null;
    }

    /**
     * PEDIGREE: genome IDs without white space, commas or angle brackets (the spec's rule for IDs); from VCF 4.3 the
     * line names its genome with ID first ({@code ID=Child,Father=F,Mother=M}, {@code ID=Tumour,Original=G}).
     */
    static String pedigree(List<Field> fields, boolean v43) {
        if (fields.isEmpty()) {
            return "##PEDIGREE has no fields";
        }
        if (v43 && !fields.get(0).key().equals("ID")) {
            return "##PEDIGREE must begin with ID (VCF 4.3 section 1.4.9)";
        }
        for (Field f : fields) {
            String v = f.value();
            if (v.isEmpty()) {
                return "##PEDIGREE " + f.key() + " is empty";
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '>') {
                    return "##PEDIGREE " + f.key() + " '" + v + "' has white space, ',' or an angle bracket, which "
                            + "an ID may not have";
                }
            }
        }
        return null;
    }

    /**
     * {@code ##assembly} and {@code ##pedigreeDB} name a URL (4.1 and 4.2 in angle brackets). A value that is a URL
     * ({@code scheme://...}) must be one a client can resolve: a host name or address where the scheme has one.
     * Values that are not URLs at all ({@code ##assembly=GRCh38}, as many real files write) are left alone.
     */
    static String url(String key, String value) {
        String url = value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
        if (url.isEmpty()) {
            return "##" + key + " names no URL";
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null && !uri.getScheme().equals("file")
                    || uri.getHost() != null && !validHost(uri.getHost())) {
                return "##" + key + " '" + url + "' is not a URL with a valid host";
            }
        } catch (URISyntaxException e) {
            return "##" + key + " '" + url + "' is not a valid URL: " + e.getReason();
        }
        return null;
    }

    /**
     * A host name whose last label is not all digits (RFC 3696 section 2), or a dotted IPv4 address: {@code 8080}
     * in {@code ftp://8080:8080/x} is a port written where the host belongs.
     */
    private static boolean validHost(String host) {
        if (host.startsWith("[")) {
            return true;   // an IPv6 literal, which URI has checked
        }
        String[] labels = host.split("\\.", -1);
        boolean allNumeric = true;
        for (String label : labels) {
            if (!VcfHeaderRules.wholeNumber(label)) {
                allNumeric = false;
            }
        }
        if (allNumeric) {
            return labels.length == 4;
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);   // an empty last label is no host
    }
}
