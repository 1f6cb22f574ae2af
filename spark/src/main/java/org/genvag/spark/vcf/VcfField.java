// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.Serializable;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.genvag.io.vcf.FieldDefinition;

/**
 * An INFO or FORMAT key as a Spark column, typed from its header declaration: Flag is a boolean; Integer, Float and
 * String (and Character) are int, double and string, one value when {@code Number=1}, else an array (A, R, G, '.'
 * and counts above one). A key used in records but not declared is not a column.
 */
public record VcfField(String key, Kind kind, boolean array) implements Serializable {

    /** The value kinds of VCF 4.3 section 1.6.2. */
    public enum Kind { FLAG, INT, FLOAT, STRING }

    public static VcfField of(FieldDefinition definition) {
        Kind kind = switch (definition.type()) {
            case "Flag" -> Kind.FLAG;
            case "Integer" -> Kind.INT;
            case "Float" -> Kind.FLOAT;
            default -> Kind.STRING;
        };
        return new VcfField(definition.id(), kind, kind != Kind.FLAG && !definition.number().equals("1"));
    }

    /**
     * The column that holds both declarations (1000 Genomes declares AF as one Float, HapMap as one per ALT): a list
     * if either is one, Float for Integer and Float, String for a number and a String; null for a Flag and a value.
     */
    public VcfField widen(VcfField other) {
        if ((kind == Kind.FLAG) != (other.kind == Kind.FLAG)) {
            return null;
        }
        Kind k = kind == other.kind ? kind
                : kind == Kind.STRING || other.kind == Kind.STRING ? Kind.STRING : Kind.FLOAT;
        return new VcfField(key, k, array || other.array);
    }

    public DataType sparkType() {
        DataType element = switch (kind) {
            case FLAG -> DataTypes.BooleanType;
            case INT -> DataTypes.IntegerType;
            case FLOAT -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
        };
        return array ? DataTypes.createArrayType(element, true) : element;
    }
}
