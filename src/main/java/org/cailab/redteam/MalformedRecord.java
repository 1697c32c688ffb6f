package org.cailab.redteam;

/**
 * A record of an imported file that cannot be read.
 *
 * @param index   position of the record in the file's array, from 0; -1 for a problem of the file as a whole
 * @param problem what is wrong, for the researcher
 */
public record MalformedRecord(long index, String problem) {

    @Override
    public String toString() {
        return index < 0 ? problem : "record " + index + ": " + problem;
    }
}
