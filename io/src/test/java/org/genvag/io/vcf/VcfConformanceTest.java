// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;

/**
 * Every VCF fixture (htslib's own test suite, real 1000 Genomes / HapMap / SV-caller files) parses to the same
 * records as bcftools, and to the same VariantContexts as htsjdk's own reader; what bcftools rejects, genvag rejects
 * with a clear error.
 */
public class VcfConformanceTest {
    private static final String QUERY = "%CHROM\t%POS\t%ID\t%REF\t%ALT\t%FILTER\n";

    /**
     * Fixtures with records that bcftools reads but refuses to write ({@code bcftools view}: "Broken VCF record, the
     * number of columns ... does not match the number of samples"): Manta 1.1.1 writes candidate small indels without
     * FORMAT or sample columns in a one-sample file. genvag's readers refuse such records; {@link
     * #sameRecordsAsBcftools} checks that this list is exactly what bcftools view refuses.
     */
    public static final Set<String> BROKEN = Set.of("manta-1.1.1.vcf");

    /** The fixtures whose every record is well formed. */
    static Stream<Path> wellFormed() throws IOException {
        return fixtures().filter(p -> !BROKEN.contains(p.getFileName().toString()));
    }

    static Stream<Path> fixtures() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("htslib-test", "vcf", "sv")) {
            try (Stream<Path> s = Files.list(Fixtures.path(dir))) {
                s.filter(p -> p.toString().endsWith(".vcf") || p.toString().endsWith(".vcf.gz")).sorted()
                        .forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void sameRecordsAsBcftools(Path vcf) throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        PeerTool.Result peer = bcftools.tryRun("query", "-f", QUERY, vcf.toString());
        boolean peerRejects = peer.exitCode() != 0 || peer.stderr().contains("Failed to read")
                || peer.stderr().contains("[E::");
        if (BROKEN.contains(vcf.getFileName().toString())) {
            PeerTool.Result rewrite = bcftools.tryRun("view", "-Ov", "-o", "/dev/null", vcf.toString());
            assertNotEquals(0, rewrite.exitCode(), vcf.getFileName() + " is listed as broken; bcftools view takes it");
            assertTrue(rewrite.stderr().contains("does not match the number of samples"), rewrite.stderr());
            peerRejects = true;
        }
        if (peerRejects) {
            InputException e = assertThrows(InputException.class, () -> decodeAll(vcf),
                    "bcftools rejects " + vcf.getFileName() + " (" + peer.stderr().strip() + "); genvag must too");
            assertTrue(e.getMessage().startsWith(vcf.toString()), "the error names the file: " + e.getMessage());
            return;
        }
        List<String> expected = peer.stdoutText().lines().toList();
        assertNotEquals(0, expected.size(), "fixture has records");
        List<String> ours = decodeAll(vcf);
        assertEquals(expected.size(), ours.size(), "record count");
        for (int i = 0; i < ours.size(); i++) {
            String e = expected.get(i);
            String o = ours.get(i);
            if (!e.equals(o)) {
                assertBcftoolsTruncatedPos(e, o, vcf);
            }
        }
    }

    /**
     * htslib's longrefs tests hold positions beyond 2^32; this bcftools build prints them modulo 2^32. genvag reports
     * the file's own POS, so the only difference allowed is exactly that truncation.
     */
    private static void assertBcftoolsTruncatedPos(String bcftools, String genvag, Path vcf) {
        String[] e = bcftools.split("\t", 3);
        String[] o = genvag.split("\t", 3);
        long ours = Long.parseLong(o[1]);
        assertTrue(ours >= (1L << 32) && (ours & 0xffffffffL) == Long.parseLong(e[1]) && e[0].equals(o[0])
                && e[2].equals(o[2]), vcf.getFileName() + ": bcftools says " + bcftools + ", genvag " + genvag);
    }

    /**
     * Where htsjdk's own reader decodes a file, genvag's VariantContext conversion gives the same contexts; where
     * htsjdk rejects it (it is stricter than bcftools: GT not first, 'X' alleles, 64-bit POS, odd header tags),
     * conversion fails with an error naming the file, while streaming the same file still works.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void sameVariantContextsAsHtsjdk(Path vcf) throws IOException {
        List<String> theirs = new ArrayList<>();
        RuntimeException htsjdkRejects = null;
        try (VCFFileReader htsjdk = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : htsjdk) {
                theirs.add(vc.toStringDecodeGenotypes());
            }
        } catch (RuntimeException e) {
            htsjdkRejects = e;
        }
        if (htsjdkRejects != null) {
            InputException e = assertThrows(InputException.class, () -> toVariantContexts(vcf),
                    "htsjdk rejects " + vcf.getFileName() + " (" + htsjdkRejects.getMessage() + ")");
            assertTrue(e.getMessage().startsWith(vcf.toString()), e.getMessage());
            return;
        }
        assertEquals(theirs, toVariantContexts(vcf));
    }

    private static List<String> toVariantContexts(Path vcf) throws IOException {
        List<String> ours = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                ours.add(reader.toVariantContext(r).toStringDecodeGenotypes());
            }
        }
        return ours;
    }

    /** CHROM POS ID REF ALT FILTER as bcftools query prints them, from genvag's lazily decoded views. */
    static List<String> decodeAll(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                out.add(r.contigName() + "\t" + r.pos() + "\t" + r.id() + "\t" + r.ref() + "\t" + r.alt() + "\t"
                        + r.filter());
            }
        }
        return out;
    }
}
