using System.Globalization;
using ModelZoo.Pipelines.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Tests.Training;

/// <summary>
/// Three steps of each optimizer <see cref="OptimizerFactory"/> builds (TorchSharp's) on two parameters against
/// torch.optim in Debian's python3-torch: the updates must land where PyTorch's do. Parameter 1 has no gradient on
/// the first step, so its state starts a step late, as in PyTorch; with no decay on biases it is in a group of its
/// own without weight decay.
/// </summary>
public sealed class OptimizerReferenceTests
{
    private static readonly float[] Start0 = [0.5f, -1f, 2f, 0.1f];
    private static readonly float[] Start1 = [0.3f, -0.2f, 0.7f];

    private static float Gradient(int step, int parameter, int element) => (float)Math.Sin(1.3 * step + 0.7 * parameter + 0.11 * element);

    private const string Script = """
        import sys, math, torch
        kind = sys.argv[1]
        lr, momentum, decay, nesterov, no_decay_on_1d = [float(a) for a in sys.argv[2:]]
        p0 = torch.nn.Parameter(torch.tensor([0.5, -1.0, 2.0, 0.1]).reshape(2, 2))
        p1 = torch.nn.Parameter(torch.tensor([0.3, -0.2, 0.7]))
        groups = [{"params": [p0]}, {"params": [p1], "weight_decay": 0.0}] if no_decay_on_1d else [p0, p1]
        if kind == "sgd":
            opt = torch.optim.SGD(groups, lr=lr, momentum=momentum, weight_decay=decay, nesterov=bool(nesterov))
        elif kind == "adam":
            opt = torch.optim.Adam(groups, lr=lr, weight_decay=decay)
        else:
            opt = torch.optim.AdamW(groups, lr=lr, weight_decay=decay)
        for step in range(1, 4):
            for i, p in enumerate([p0, p1]):
                if step == 1 and i == 1:
                    p.grad = None
                    continue
                p.grad = torch.tensor([math.sin(1.3 * step + 0.7 * i + 0.11 * j) for j in range(p.numel())], dtype=torch.float32).reshape(p.shape)
            opt.step()
        print(" ".join(repr(v) for v in torch.cat([p0.detach().flatten(), p1.detach().flatten()]).tolist()))
        """;

    // kind, then learning rate, momentum, weight decay, Nesterov, no decay on 1-D tensors
    public static TheoryData<OptimizerKind, double[]> Cases => new()
    {
        { OptimizerKind.Sgd, [0.1, 0, 0, 0, 0] },
        { OptimizerKind.Sgd, [0.1, 0, 0.05, 0, 0] },
        { OptimizerKind.Sgd, [0.1, 0.9, 0.01, 0, 0] },
        { OptimizerKind.Sgd, [0.1, 0.9, 0.01, 1, 0] },
        { OptimizerKind.Sgd, [0.1, 0.9, 0.01, 0, 1] },
        { OptimizerKind.Adam, [0.01, 0, 0, 0, 0] },
        { OptimizerKind.Adam, [0.01, 0, 0.1, 0, 0] },
        { OptimizerKind.AdamW, [0.01, 0, 0.1, 0, 0] },
        { OptimizerKind.AdamW, [0.01, 0, 0.1, 0, 1] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void ThreeStepsMatchTorchOptim(OptimizerKind kind, double[] arguments)
    {
        var expected = PythonTorch.Run(["-c", Script, kind.ToString().ToLowerInvariant(), .. arguments.Select(a => a.ToString(CultureInfo.InvariantCulture))])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        using var module = new TwoParameters();
        using var optimizer = OptimizerFactory.Create(module, new TrainerOptions
        {
            Optimizer = kind,
            LearningRate = arguments[0],
            Momentum = arguments[1],
            WeightDecay = arguments[2],
            Nesterov = arguments[3] != 0,
            NoDecayOnNormAndBias = arguments[4] != 0,
        });
        Parameter[] parameters = [.. module.parameters()];
        for (var step = 1; step <= 3; step++)
        {
            using var scope = torch.NewDisposeScope();
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                p.grad = step == 1 && i == 1 ? null
                    : torch.tensor(Enumerable.Range(0, (int)p.numel()).Select(j => Gradient(step, i, j)).ToArray(), p.shape);
            }
            optimizer.step();
        }

        var actual = parameters.SelectMany(p => p.data<float>().ToArray()).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < actual.Length; k++)
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-6 * Math.Max(1, Math.Abs(expected[k])),
                $"{kind} [{string.Join(", ", arguments)}] element {k}: torch.optim gives {expected[k]}, TorchSharp {actual[k]}");
    }

    /// <summary>A 2×2 weight and a bias-like vector, nothing else.</summary>
    private sealed class TwoParameters : nn.Module
    {
        public TwoParameters() : base(nameof(TwoParameters))
        {
            register_parameter("p0", new Parameter(torch.tensor(Start0, [2, 2])));
            register_parameter("p1", new Parameter(torch.tensor(Start1, [3])));
        }
    }
}
