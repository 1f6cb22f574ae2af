// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.genvag.core.error.InputException;
import org.genvag.io.vcf.VcfReader;
import org.genvag.pipeline.batch.InputNames;
import org.genvag.spark.hadoop.HadoopInput;

/**
 * A manifest whose inputs may be Hadoop URIs ({@code hdfs://}, {@code s3a://}), prepared for genvag's manifest
 * checks on the driver, which read local files: each remote VCF is stood in for by a local file holding its header
 * (what the checks read: the build, the sample columns), each other remote input that exists by an empty one; a
 * remote input that does not exist is left as written, so the check names it missing. Relative local paths become
 * absolute (the prepared manifest lives elsewhere). The tasks read the real files.
 */
final class RemoteManifest {
    private static final Set<String> FILE_COLUMNS = Set.of("vcf", "sv_vcf", "bam", "cram", "normal_bam", "callable");
    private static final Set<String> VCF_COLUMNS = Set.of("vcf", "sv_vcf");

    /** The prepared manifest, and the remote URI each stand-in stands for. */
    record Prepared(Path manifest, Map<String, String> uriOf) {
        /** A message about the prepared manifest, told of the user's: their manifest, their URIs. */
        String translate(String message, Path original) {
            return new InputNames(uriOf).rename(message.replace(manifest.toString(), original.toString()));
        }
    }

    private RemoteManifest() {
    }

    /** True when a manifest value is a URI of another file system than the local one. */
    static boolean isRemote(String value) {
        int colon = value.indexOf("://");
        return colon > 1 && !value.regionMatches(true, 0, "file", 0, colon) && value.substring(0, colon).chars()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
    }

    static Prepared prepare(Path manifest, Path dir, Configuration conf) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        Path base = manifest.toAbsolutePath().getParent();
        Map<String, String> uriOf = new HashMap<>();
        List<String> out = new ArrayList<>();
        int header = -1;
        List<String> columns = List.of();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (header < 0) {
                if (!line.isBlank() && !line.startsWith("##")) {
                    header = n;
                    columns = List.of((line.startsWith("#") ? line.substring(1) : line).split("\t", -1));
                }
                out.add(line);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] f = line.split("\t", -1);
            for (int c = 0; c < f.length && c < columns.size(); c++) {
                String column = columns.get(c).trim().toLowerCase(Locale.ROOT);
                String v = f[c].trim();
                if (!FILE_COLUMNS.contains(column) || v.isEmpty() || v.equals(".") || v.equals("-")) {
                    continue;
                }
                if (isRemote(v)) {
                    Path stub = standIn(v, VCF_COLUMNS.contains(column), dir, uriOf.size(), conf);
                    if (stub != null) {
                        uriOf.put(stub.toString(), v);
                        f[c] = stub.toString();
                    }
                } else if (v.regionMatches(true, 0, "file:", 0, 5)) {
                    f[c] = Path.of(URI.create(v)).toString();
                } else {
                    f[c] = base.resolve(v).normalize().toString();
                }
            }
            out.add(String.join("\t", f));
        }
        Path prepared = dir.resolve(manifest.getFileName());
        Files.write(prepared, out);
        return new Prepared(prepared, uriOf);
    }

    /** A VCF's header, or an empty file; null when the input does not exist (the check then says so). */
    private static Path standIn(String uri, boolean vcf, Path dir, int n, Configuration conf) throws IOException {
        HadoopInput remote = new HadoopInput(uri, conf);
        if (!remote.isFile()) {
            return null;
        }
        Path stub = dir.resolve("remote-" + n + "-" + remote.fileName());
        List<String> header = List.of();
        if (vcf) {
            try (InputStream in = remote.openAt(0); VcfReader reader = VcfReader.open(in, uri, 1)) {
                header = reader.headerLines();
            } catch (InputException notAVcf) {
                // The task reads the file itself and fails with this message, that sample alone.
            }
        }
        Files.write(stub, header);
        return stub;
    }
}
