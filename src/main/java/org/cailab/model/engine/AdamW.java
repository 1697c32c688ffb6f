package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW as PyTorch defines it (decoupled weight decay, bias-corrected moments), on NDArrays, with state we can
 * checkpoint. Weight decay only applies to tensors of two or more dimensions.
 */
final class AdamW implements AutoCloseable {

    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private int updates;

    AdamW(Map<String, NDArray> parameters) {
        parameters.forEach((name, p) -> {
            firstMoments.put(name, p.zerosLike());
            secondMoments.put(name, p.zerosLike());
        });
        firstMoments.values().forEach(NDScope::unregister);
        secondMoments.values().forEach(NDScope::unregister);
    }

    int updates() {
        return updates;
    }

    /**
     * Updates one parameter in place.
     *
     * @param gradScale multiplies the gradient first (global-norm clipping)
     */
    void update(String name, NDArray param, NDArray grad, float gradScale, double lr, TrainingConfig c) {
        NDArray m = firstMoments.get(name);
        NDArray v = secondMoments.get(name);
        int t = updates + 1;
        NDArray g = gradScale == 1f ? grad : grad.mul(gradScale);
        m.muli((float) c.beta1()).addi(g.mul((float) (1 - c.beta1())));
        v.muli((float) c.beta2()).addi(g.square().mul((float) (1 - c.beta2())));
        double bias1 = 1 - Math.pow(c.beta1(), t);
        double bias2 = 1 - Math.pow(c.beta2(), t);
        if (c.weightDecay() > 0 && param.getShape().dimension() >= 2) {
            param.muli((float) (1 - lr * c.weightDecay()));
        }
        NDArray denominator = v.sqrt().div((float) Math.sqrt(bias2)).add((float) c.epsilon());
        param.subi(m.div(denominator).mul((float) (lr / bias1)));
    }

    /** Called once all parameters of a step are updated. */
    void finishStep() {
        updates++;
    }

    /** The moments as float32 tensors named {@code exp_avg.<param>} and {@code exp_avg_sq.<param>}. */
    Map<String, HostTensor> state() {
        Map<String, HostTensor> state = new LinkedHashMap<>();
        firstMoments.forEach((n, a) -> state.put("exp_avg." + n, host(a)));
        secondMoments.forEach((n, a) -> state.put("exp_avg_sq." + n, host(a)));
        return state;
    }

    /** Restores moments written by {@link #state()} and the update count. */
    void restore(SafetensorsReader reader, int updateCount) {
        firstMoments.replaceAll((n, a) -> replaced(a, reader, "exp_avg." + n));
        secondMoments.replaceAll((n, a) -> replaced(a, reader, "exp_avg_sq." + n));
        updates = updateCount;
    }

    private static NDArray replaced(NDArray old, SafetensorsReader reader, String name) {
        long[] shape = old.getShape().getShape();
        if (!java.util.Arrays.equals(reader.info(name).shape(), shape)) {
            throw new ModelFormatException(reader.file() + ": tensor " + name + " has shape "
                    + java.util.Arrays.toString(reader.info(name).shape()) + ", expected "
                    + java.util.Arrays.toString(shape));
        }
        NDArray fresh =
                TorchMemory.owned(old.getManager().create(reader.read(name).data(), old.getShape()));
        NDScope.unregister(fresh);
        old.close();
        return fresh;
    }

    private static HostTensor host(NDArray a) {
        return new HostTensor(a.getShape().getShape(), a.toFloatArray());
    }

    @Override
    public void close() {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
    }
}
