package org.cailab.model.engine;

/**
 * {@code rope_scaling} of a {@code config.json}: {@code linear} or Llama 3's {@code llama3} frequency scaling.
 *
 * @param type {@code linear} or {@code llama3}
 * @param factor the scaling factor
 * @param lowFreqFactor llama3 only
 * @param highFreqFactor llama3 only
 * @param originalMaxPositionEmbeddings llama3 only: the context length the model was pretrained with
 */
public record RopeScaling(
        String type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {

    /** Llama 3 scaling. */
    public static RopeScaling llama3(
            double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {
        return new RopeScaling("llama3", factor, lowFreqFactor, highFreqFactor, originalMaxPositionEmbeddings);
    }

    /**
     * The rotary inverse frequencies {@code 1 / theta^(2i/d)} for {@code i < d/2}, scaled as Hugging Face's
     * {@code _compute_llama3_parameters} or {@code _compute_linear_scaling_rope_parameters} do.
     */
    static float[] inverseFrequencies(int headDim, double theta, RopeScaling scaling) {
        float[] inv = new float[headDim / 2];
        for (int i = 0; i < inv.length; i++) {
            // HF computes this in float32: base ** (arange(0, dim, 2).float() / dim)
            float exponent = (float) (2 * i) / headDim;
            inv[i] = (float) (1.0 / Math.pow(theta, exponent));
        }
        if (scaling == null) {
            return inv;
        }
        switch (scaling.type()) {
            case "linear" -> {
                for (int i = 0; i < inv.length; i++) {
                    inv[i] = (float) (inv[i] / scaling.factor());
                }
            }
            case "llama3" -> applyLlama3(inv, scaling);
            default -> throw new IllegalArgumentException("unsupported rope_scaling type " + scaling.type());
        }
        return inv;
    }

    private static void applyLlama3(float[] inv, RopeScaling s) {
        double oldContext = s.originalMaxPositionEmbeddings();
        double lowFreqWavelen = oldContext / s.lowFreqFactor();
        double highFreqWavelen = oldContext / s.highFreqFactor();
        for (int i = 0; i < inv.length; i++) {
            double freq = inv[i];
            double wavelen = 2 * Math.PI / freq;
            double scaled = wavelen > lowFreqWavelen ? freq / s.factor() : freq;
            boolean medium = !(wavelen < highFreqWavelen) && !(wavelen > lowFreqWavelen);
            if (medium) {
                double smooth = (oldContext / wavelen - s.lowFreqFactor()) / (s.highFreqFactor() - s.lowFreqFactor());
                scaled = (1 - smooth) * scaled / s.factor() + smooth * scaled;
            }
            inv[i] = (float) scaled;
        }
    }
}
