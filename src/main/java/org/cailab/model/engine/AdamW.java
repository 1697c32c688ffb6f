package org.cailab.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * AdamW as PyTorch defines it (decoupled weight decay, bias-corrected moments), on NDArrays, with state we can
 * checkpoint. Weight decay only applies to tensors of two or more dimensions.
 *
 * <p>The moments of all parameters live in two flat tensors. On a GPU a step updates them with one operation each over
 * the concatenated gradients (PyTorch's multi-tensor AdamW does the same with its {@code foreach} kernels): about a
 * dozen kernel launches per step plus two per parameter, where the per-parameter update launched about fourteen per
 * parameter. On the CPU the per-parameter update stays, on views of the flat moments: there the flat form streams
 * several fresh arrays of all parameters through memory and took twice as long for the ~110M config ({@code
 * AdamWBenchmark}: 7.6 against 3.9 s per step on one thread). Each element goes through the same float32 operations
 * in the same order either way, so both give the same bits ({@code AdamWTest}). The scalars are device tensors made
 * once (constants) or once per step: DJL's {@code op(Number)} copies the number to the device on every call, and on a
 * GPU each such copy waits for the stream.
 */
final class AdamW implements AutoCloseable {

    private static final NDIndex ALL = new NDIndex("...");

    private final List<String> names = new ArrayList<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<Float, NDArray> constants = new HashMap<>();
    private final NDManager manager;
    private final long size;
    private final boolean flat;
    private NDArray firstMoments;
    private NDArray secondMoments;
    private int updates;

    AdamW(Map<String, NDArray> parameters) {
        long total = 0;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            names.add(e.getKey());
            offsets.put(e.getKey(), total);
            shapes.put(e.getKey(), e.getValue().getShape());
            total += e.getValue().size();
        }
        this.size = total;
        this.manager = parameters.values().iterator().next().getManager();
        this.flat = manager.getDevice().isGpu();
        firstMoments = manager.zeros(new Shape(size), DataType.FLOAT32);
        secondMoments = manager.zeros(new Shape(size), DataType.FLOAT32);
        NDScope.unregister(firstMoments, secondMoments);
    }

    int updates() {
        return updates;
    }

    /**
     * Global-norm clipping, then {@link #step(Map, Map, float, double, TrainingConfig)}: the norm over all gradients
     * (each gradient's sum of squares in float32, added up in double in parameter order, one copy to Java), a scale of
     * {@code maxGradNorm / (norm + 1e-6)} when it is above {@code c.maxGradNorm()} (0: no clipping), and no update
     * when the norm is not finite. Run it with grad mode off, inside an {@code NDScope} (it frees the
     * per-gradient sums).
     *
     * @return the gradient norm before clipping
     */
    double clipAndStep(Map<String, NDArray> parameters, Map<String, NDArray> gradients, double lr, TrainingConfig c) {
        NDList sums = new NDList();
        gradients.values().forEach(g -> sums.add(g.square().sum()));
        double squares = 0;
        for (float s : NDArrays.stack(sums).toFloatArray()) {
            squares += s;
        }
        double norm = Math.sqrt(squares);
        float scale = c.maxGradNorm() > 0 && norm > c.maxGradNorm() ? (float) (c.maxGradNorm() / (norm + 1e-6)) : 1f;
        if (Double.isFinite(norm)) {
            step(parameters, gradients, scale, lr, c);
        }
        return norm;
    }

    /**
     * Updates every parameter in place: the gradients are multiplied by {@code gradScale} first (global-norm clipping),
     * then the moments and the parameters move at rate {@code lr}. Run it with grad mode off.
     */
    void step(
            Map<String, NDArray> parameters,
            Map<String, NDArray> gradients,
            float gradScale,
            double lr,
            TrainingConfig c) {
        step(parameters, gradients, gradScale, lr, c, flat);
    }

    /** {@link #step(Map, Map, float, double, TrainingConfig)} in the flat or the per-parameter form. */
    void step(
            Map<String, NDArray> parameters,
            Map<String, NDArray> gradients,
            float gradScale,
            double lr,
            TrainingConfig c,
            boolean flatForm) {
        int t = updates + 1;
        double bias1 = 1 - Math.pow(c.beta1(), t);
        double bias2 = 1 - Math.pow(c.beta2(), t);
        List<NDArray> perStep = new ArrayList<>();
        try {
            Scalars scalars = new Scalars(
                    gradScale == 1f ? null : once(perStep, gradScale),
                    once(perStep, (float) Math.sqrt(bias2)),
                    once(perStep, (float) (lr / bias1)),
                    c.weightDecay() > 0 ? once(perStep, (float) (1 - lr * c.weightDecay())) : null);
            if (flatForm) {
                flatStep(parameters, gradients, scalars, c);
            } else {
                perParameterStep(parameters, gradients, scalars, c);
            }
        } finally {
            perStep.forEach(NDArray::close);
        }
        updates++;
    }

    /**
     * This step's device scalars: the clipping scale (null for 1), sqrt of the second moment's bias correction, the
     * rate over the first one's, and the weight-decay factor (null without decay).
     */
    private record Scalars(
            @Nullable NDArray scale,
            NDArray root,
            NDArray rate,
            @Nullable NDArray decay) {}

    private void perParameterStep(
            Map<String, NDArray> parameters, Map<String, NDArray> gradients, Scalars s, TrainingConfig c) {
        for (String name : names) {
            NDArray param = parameters.get(name);
            NDArray grad = gradients.get(name);
            // each parameter's temporaries are freed before the next one's are made
            try (NDScope ignored = new NDScope()) {
                NDArray m = slice(firstMoments, name);
                NDArray v = slice(secondMoments, name);
                NDArray g = s.scale() == null ? grad : grad.mul(s.scale());
                m.muli(constant((float) c.beta1())).addi(g.mul(constant((float) (1 - c.beta1()))));
                v.muli(constant((float) c.beta2())).addi(g.square().mul(constant((float) (1 - c.beta2()))));
                if (s.decay() != null && param.getShape().dimension() >= 2) {
                    param.muli(s.decay());
                }
                NDArray denominator = v.sqrt().div(s.root()).add(constant((float) c.epsilon()));
                param.subi(m.div(denominator).mul(s.rate()));
            }
        }
    }

    private void flatStep(
            Map<String, NDArray> parameters, Map<String, NDArray> gradients, Scalars s, TrainingConfig c) {
        try (NDList flat = new NDList(names.size())) {
            for (String name : names) {
                flat.add(gradients.get(name).reshape(-1));
            }
            NDArray g = NDArrays.concat(flat);
            if (s.scale() != null) {
                g.muli(s.scale());
            }
            NDArray first = g.mul(constant((float) (1 - c.beta1())));
            firstMoments.muli(constant((float) c.beta1())).addi(first);
            first.close();
            NDArray second = g.square();
            g.close();
            second.muli(constant((float) (1 - c.beta2())));
            secondMoments.muli(constant((float) c.beta2())).addi(second);
            second.close();
            NDArray denominator = secondMoments.sqrt();
            denominator.divi(s.root());
            denominator.addi(constant((float) c.epsilon()));
            NDArray update = firstMoments.div(denominator);
            denominator.close();
            update.muli(s.rate());
            NDArray decay = s.decay();
            for (String name : names) {
                NDArray param = parameters.get(name);
                if (decay != null && param.getShape().dimension() >= 2) {
                    param.muli(decay);
                }
                try (NDArray part = slice(update, name)) {
                    param.subi(part);
                }
            }
            update.close();
        }
    }

    /**
     * Sets the gradients to zero in place with a device scalar zero (not {@code set(index, 0)}, which copies a new
     * zero to the device for every gradient).
     */
    void zero(Iterable<NDArray> gradients) {
        NDArray zero = constant(0f);
        for (NDArray g : gradients) {
            g.set(ALL, zero);
        }
    }

    /** The moments as float32 tensors named {@code exp_avg.<param>} and {@code exp_avg_sq.<param>}. */
    Map<String, HostTensor> state() {
        Map<String, HostTensor> state = new LinkedHashMap<>();
        for (String name : names) {
            state.put("exp_avg." + name, host(firstMoments, name));
        }
        for (String name : names) {
            state.put("exp_avg_sq." + name, host(secondMoments, name));
        }
        return state;
    }

    /** Restores moments written by {@link #state()} and the update count. */
    void restore(SafetensorsReader reader, int updateCount) {
        NDArray first = read(reader, "exp_avg.");
        NDArray second = read(reader, "exp_avg_sq.");
        firstMoments.close();
        secondMoments.close();
        firstMoments = first;
        secondMoments = second;
        updates = updateCount;
    }

    private NDArray read(SafetensorsReader reader, String prefix) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("AdamW state of " + size + " values does not fit one Java array");
        }
        float[] all = new float[(int) size];
        for (String name : names) {
            long[] shape = shapes.get(name).getShape();
            if (!java.util.Arrays.equals(reader.info(prefix + name).shape(), shape)) {
                throw new ModelFormatException(reader.file() + ": tensor " + prefix + name + " has shape "
                        + java.util.Arrays.toString(reader.info(prefix + name).shape()) + ", expected "
                        + java.util.Arrays.toString(shape));
            }
            float[] data = reader.read(prefix + name).data();
            System.arraycopy(data, 0, all, (int) (long) offsets.get(name), data.length);
        }
        NDArray fresh = TorchMemory.owned(manager.create(all, new Shape(size)));
        NDScope.unregister(fresh);
        return fresh;
    }

    /** A view of one parameter's part of a flat tensor, in the parameter's shape. */
    private NDArray slice(NDArray flat, String name) {
        long from = offsets.get(name);
        Shape shape = shapes.get(name);
        return flat.get(new NDIndex("{}:{}", from, from + shape.size())).reshape(shape);
    }

    private HostTensor host(NDArray flat, String name) {
        try (NDArray part = slice(flat, name)) {
            return new HostTensor(shapes.get(name).getShape(), part.toFloatArray());
        }
    }

    /** A device scalar kept for the optimizer's life (betas, epsilon). */
    private NDArray constant(float value) {
        return constants.computeIfAbsent(value, v -> {
            NDArray scalar = TorchMemory.scalar(manager, v);
            NDScope.unregister(scalar);
            return scalar;
        });
    }

    /** A device scalar for this step only. */
    private NDArray once(List<NDArray> perStep, float value) {
        NDArray scalar = TorchMemory.scalar(manager, value);
        perStep.add(scalar);
        return scalar;
    }

    @Override
    public void close() {
        firstMoments.close();
        secondMoments.close();
        constants.values().forEach(NDArray::close);
        constants.clear();
    }
}
