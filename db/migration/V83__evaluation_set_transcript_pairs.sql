-- The (text_correct, text_incorrect) transcript pairs of an uploaded evaluation file, when every line has both (the
-- paper's 438HHHEvaluations.jsonl does): [{"correct": ..., "incorrect": ...}] in file order. A preference model is
-- evaluated on these (share of pairs whose correct transcript scores higher); null for files without them.
alter table evaluation_set
    add column transcript_pairs jsonb;
