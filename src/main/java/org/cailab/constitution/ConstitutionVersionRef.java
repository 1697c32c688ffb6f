package org.cailab.constitution;

/**
 * Names one constitution version; what a run records to say which constitution it used.
 *
 * @param id               the version's database id
 * @param constitutionName the constitution's name, for example {@code default}
 * @param number           the version number within the constitution, from 1
 */
public record ConstitutionVersionRef(long id, String constitutionName, int number) {

    /** For people: {@code default v3}. */
    public String label() {
        return constitutionName + " v" + number;
    }
}
