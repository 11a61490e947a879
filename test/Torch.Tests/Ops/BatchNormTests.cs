namespace ModelZoo.Torch.Tests.Ops;

public class BatchNormTests
{
    [Fact]
    public void EvalUsesRunningStatisticsAndEpsAndLeavesThemAlone()
    {
        // Layout [N=2, C=2, 1, 1]: batch 0 holds (1, 2), batch 1 holds (3, 4).
        var input = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2, 1, 1);
        var runningMean = torch.tensor(new float[] { 1, 2 }, 2);
        var runningVar = torch.tensor(new float[] { 3.99f, 0.99f }, 2);
        var weight = torch.tensor(new float[] { 2, 1 }, 2);
        var bias = torch.tensor(new float[] { 0, 1 }, 2);

        // sqrt(var + eps) is 2 for channel 0 and 1 for channel 1 only because eps = 0.01 is added.
        var output = F.batch_norm(input, runningMean, runningVar, weight, bias, training: false, eps: 0.01);

        // channel 0: (x - 1) / 2 * 2 + 0; channel 1: (x - 2) / 1 * 1 + 1
        Expect.Close(output, [2, 2, 1, 1], [0, 1, 2, 3], 1e-6);
        Expect.Close(runningMean, [2], [1, 2]);
        Expect.Close(runningVar, [2], [3.99, 0.99]);
    }

    [Fact]
    public void TrainingNormalisesWithBatchStatisticsAndUpdatesRunningOnesWithMomentum()
    {
        // Channel 0 sees {1, 3}, channel 1 sees {10, 12}: means 2 and 11, biased variance 1,
        // unbiased variance 2 for both.
        var input = torch.tensor(new float[] { 1, 10, 3, 12 }, 2, 2, 1, 1);
        var runningMean = torch.zeros([2]);
        var runningVar = torch.tensor(new float[] { 1, 3 }, 2);
        var weight = torch.tensor(new float[] { 2, 1 }, 2);
        var bias = torch.tensor(new float[] { 0, 1 }, 2);

        // eps = 3 makes sqrt(biased var + eps) = 2.
        var output = F.batch_norm(input, runningMean, runningVar, weight, bias, training: true, momentum: 0.5, eps: 3);

        // normalised: -0.5 and 0.5 in both channels; channel 0 * 2 + 0, channel 1 * 1 + 1
        Expect.Close(output, [2, 2, 1, 1], [-1, 0.5, 1, 1.5]);
        // running = (1 - momentum) * running + momentum * batch statistic (unbiased variance)
        Expect.Close(runningMean, [2], [0.5 * 0 + 0.5 * 2, 0.5 * 0 + 0.5 * 11]);
        Expect.Close(runningVar, [2], [0.5 * 1 + 0.5 * 2, 0.5 * 3 + 0.5 * 2]);
    }

    [Fact]
    public void TrainingWithoutRunningStatisticsOrAffineParameters()
    {
        var input = torch.tensor(new float[] { 1, 10, 3, 12 }, 2, 2, 1, 1);
        var output = F.batch_norm(input, null, null, training: true, eps: 0);
        Expect.Close(output, [2, 2, 1, 1], [-1, -1, 1, 1]);
    }
}
