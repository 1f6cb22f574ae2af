// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.apache.hadoop.conf.Configuration;

/**
 * Hadoop's {@link Configuration} carried from the driver to the executors (it is Writable, not Serializable), so a
 * task opens {@code hdfs://} and {@code s3a://} paths with the settings the session was given.
 */
public final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration value;

    public HadoopConf(Configuration value) {
        this.value = value;
    }

    public Configuration get() {
        return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        value.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        value = new Configuration(false);
        value.readFields(in);
    }
}
