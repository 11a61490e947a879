namespace ModelZoo.Torch.Tests.Support;

/// <summary>
/// Checks autograd against central finite differences in float64. The output is projected onto
/// fixed random weights (a random linear functional), so one backward pass covers every output
/// element and the numerical side needs two forward passes per input element.
/// </summary>
internal static class GradCheck
{
    /// <summary>
    /// Asserts that d(sum(f(inputs) * v))/d(input) from backward matches finite differences for every
    /// input. Inputs must be float64 leaves with requires_grad; each must change the output.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> function, Tensor[] inputs, double step = 1e-6,
        double absoluteTolerance = 1e-6, double relativeTolerance = 1e-5)
    {
        foreach (var input in inputs)
        {
            Assert.Equal(ScalarType.Float64, input.dtype);
            Assert.True(input.requires_grad, "every checked input must require grad");
            input.grad = null;
        }

        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(20240601);
        var output = function(inputs);
        var projection = torch.randn(output.shape, generator, ScalarType.Float64);
        output.mul(projection).sum().backward();

        for (var i = 0; i < inputs.Length; i++)
        {
            var analytic = inputs[i].grad?.data<double>();
            Assert.True(analytic is not null, $"input {i} received no gradient");
            var numeric = Numeric(function, inputs, i, projection, step);
            Assert.True(numeric.Any(g => Math.Abs(g) > 1e-8), $"input {i} does not influence the output");
            for (var j = 0; j < numeric.Length; j++)
            {
                var allowed = absoluteTolerance + relativeTolerance * Math.Abs(numeric[j]);
                if (Math.Abs(analytic[j] - numeric[j]) > allowed)
                    Assert.Fail($"input {i}, element {j}: backward gives {analytic[j]}, finite differences {numeric[j]}");
            }
        }
    }

    private static double[] Numeric(Func<Tensor[], Tensor> function, Tensor[] inputs, int which, Tensor projection, double step)
    {
        var input = inputs[which];
        var values = input.data<double>();
        var gradient = new double[values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            var original = values[j];
            values[j] = original + step;
            input.CopyFrom<double>(values);
            var plus = Projected(function, inputs, projection);
            values[j] = original - step;
            input.CopyFrom<double>(values);
            var minus = Projected(function, inputs, projection);
            values[j] = original;
            gradient[j] = (plus - minus) / (2 * step);
        }
        input.CopyFrom<double>(values);
        return gradient;
    }

    private static double Projected(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor projection)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return function(inputs).mul(projection).sum().item<double>();
    }

    /// <summary>A float64 leaf of standard normal draws that requires grad.</summary>
    public static Tensor Leaf(Generator generator, params long[] shape) =>
        torch.randn(shape, generator, ScalarType.Float64).requires_grad_();
}
