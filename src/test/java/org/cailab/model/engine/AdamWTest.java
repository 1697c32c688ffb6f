package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flat (multi-tensor) AdamW against the per-parameter form it replaced, written out here as PyTorch's AdamW
 * defines it: the same parameters and moments to the bit in both forms (flat, as on a GPU, and per parameter, as on
 * the CPU), with clipping scales and weight decay, and across a checkpoint of its state and a change of form.
 */
@org.junit.jupiter.api.extension.ExtendWith(SingleTorchThread.class)
class AdamWTest {

    private static final List<long[]> SHAPES =
            List.of(new long[] {7, 5}, new long[] {5}, new long[] {3, 4, 2}, new long[] {11}, new long[] {6, 6});

    @TempDir
    Path dir;

    @org.junit.jupiter.params.ParameterizedTest(name = "flat form {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void updatesEqualThePerParameterFormToTheBit(boolean flatForm) {
        TrainingConfig config = TrainingConfig.builder()
                .setTotalSteps(10)
                .optLearningRate(3e-3)
                .optWeightDecay(0.1)
                .optBetas(0.8, 0.95)
                .build();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Map<String, NDArray> flat = parameters(manager, 1);
            Map<String, NDArray> reference = parameters(manager, 1);
            Map<String, NDArray[]> moments = new LinkedHashMap<>();
            reference.forEach((n, p) -> moments.put(n, new NDArray[] {p.zerosLike(), p.zerosLike()}));
            Random random = new Random(3);
            float[] scales = {1f, 0.37f, 1f, 0.05f, 2.5f};
            try (AdamW adam = new AdamW(flat)) {
                for (int step = 0; step < scales.length; step++) {
                    Map<String, NDArray> grads = parameters(manager, 100 + step);
                    double lr = config.learningRate(step);
                    adam.step(flat, grads, scales[step], lr, config, flatForm);
                    int t = step + 1;
                    reference.forEach(
                            (n, p) -> perParameter(p, grads.get(n), moments.get(n), scales[t - 1], lr, t, config));
                }
                assertThat(adam.updates()).isEqualTo(scales.length);
                for (String name : flat.keySet()) {
                    assertThat(flat.get(name).toFloatArray())
                            .as(name)
                            .containsExactly(reference.get(name).toFloatArray());
                    assertThat(adam.state().get("exp_avg." + name).data())
                            .as("first moment of " + name)
                            .containsExactly(moments.get(name)[0].toFloatArray());
                    assertThat(adam.state().get("exp_avg_sq." + name).data())
                            .as("second moment of " + name)
                            .containsExactly(moments.get(name)[1].toFloatArray());
                }
                // the values moved: a test of equal results that changed nothing would pass as well
                assertThat(flat.get("w0").toFloatArray())
                        .isNotEqualTo(parameters(manager, 1).get("w0").toFloatArray());
            }
        }
    }

    @Test
    void aRestoredStateContinuesExactly() throws Exception {
        TrainingConfig config =
                TrainingConfig.builder().setTotalSteps(10).optWeightDecay(0.01).build();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Map<String, NDArray> straight = parameters(manager, 1);
            Map<String, NDArray> resumed = parameters(manager, 1);
            try (AdamW a = new AdamW(straight);
                    AdamW b = new AdamW(resumed)) {
                for (int step = 0; step < 2; step++) {
                    Map<String, NDArray> grads = parameters(manager, 200 + step);
                    a.step(straight, grads, 1f, 1e-3, config, true);
                    b.step(resumed, grads, 1f, 1e-3, config, false);
                }
                Path file = dir.resolve("optimizer.safetensors");
                SafetensorsWriter.write(file, b.state(), DType.F32);
                try (AdamW c = new AdamW(resumed);
                        SafetensorsReader reader = SafetensorsReader.open(file)) {
                    c.restore(reader, b.updates());
                    for (int step = 2; step < 4; step++) {
                        Map<String, NDArray> grads = parameters(manager, 200 + step);
                        a.step(straight, grads, 0.5f, 1e-3, config, false);
                        c.step(resumed, grads, 0.5f, 1e-3, config, true);
                    }
                    for (String name : straight.keySet()) {
                        assertThat(resumed.get(name).toFloatArray())
                                .as(name)
                                .containsExactly(straight.get(name).toFloatArray());
                    }
                    assertThat(c.updates()).isEqualTo(4);
                }
            }
        }
    }

    /** PyTorch's AdamW for one parameter, the form the engine used before the flat one. */
    static void perParameter(
            NDArray param, NDArray grad, NDArray[] moments, float gradScale, double lr, int t, TrainingConfig c) {
        NDArray m = moments[0];
        NDArray v = moments[1];
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

    private static Map<String, NDArray> parameters(NDManager manager, long seed) {
        Random random = new Random(seed);
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < SHAPES.size(); i++) {
            Shape shape = new Shape(SHAPES.get(i));
            float[] data = new float[(int) shape.size()];
            for (int j = 0; j < data.length; j++) {
                data[j] = (float) random.nextGaussian();
            }
            out.put("w" + i, manager.create(data, shape));
        }
        return out;
    }
}
