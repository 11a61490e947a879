using System.Globalization;
using ModelZoo.TorchSharpAdditions.Tests.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests;

/// <summary>
/// Three steps of each optimizer on two parameters against torch.optim in Debian's python3-torch (the same
/// libtorch): TorchSharp's torch.optim, which ModelZoo trains with, must land where PyTorch's does. Parameter 1 has no gradient on the
/// first step, so its state starts a step late, as in PyTorch.
/// </summary>
public class OptimizerReferenceTests
{
    private static readonly float[] Start0 = [0.5f, -1f, 2f, 0.1f];
    private static readonly float[] Start1 = [0.3f, -0.2f, 0.7f];

    private static float Gradient(int step, int parameter, int element) => (float)Math.Sin(1.3 * step + 0.7 * parameter + 0.11 * element);

    private const string Script = """
        import sys, math, torch
        kind, args = sys.argv[1], [float(a) for a in sys.argv[2:]]
        p0 = torch.nn.Parameter(torch.tensor([0.5, -1.0, 2.0, 0.1]).reshape(2, 2))
        p1 = torch.nn.Parameter(torch.tensor([0.3, -0.2, 0.7]))
        if kind == "sgd":
            opt = torch.optim.SGD([p0, p1], lr=args[0], momentum=args[1], weight_decay=args[2], nesterov=bool(args[3]))
        elif kind == "adam":
            opt = torch.optim.Adam([p0, p1], lr=args[0], weight_decay=args[1])
        else:
            opt = torch.optim.AdamW([p0, p1], lr=args[0], weight_decay=args[1])
        for step in range(1, 4):
            for i, p in enumerate([p0, p1]):
                if step == 1 and i == 1:
                    p.grad = None
                    continue
                p.grad = torch.tensor([math.sin(1.3 * step + 0.7 * i + 0.11 * j) for j in range(p.numel())], dtype=torch.float32).reshape(p.shape)
            opt.step()
        print(" ".join(repr(v) for v in torch.cat([p0.detach().flatten(), p1.detach().flatten()]).tolist()))
        """;

    public static TheoryData<string, double[]> Cases => new()
    {
        { "sgd", [0.1, 0, 0, 0] },
        { "sgd", [0.1, 0, 0.05, 0] },
        { "sgd", [0.1, 0.9, 0.01, 0] },
        { "sgd", [0.1, 0.9, 0.01, 1] },
        { "adam", [0.01, 0] },
        { "adam", [0.01, 0.1] },
        { "adamw", [0.01, 0.1] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void ThreeStepsMatchTorchOptim(string kind, double[] arguments)
    {
        var expected = PythonTorch.Run(Script, [kind, .. arguments.Select(a => a.ToString(CultureInfo.InvariantCulture))])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        using var p0 = new TorchSharp.Modules.Parameter(torch.tensor(Start0).reshape(2, 2));
        using var p1 = new TorchSharp.Modules.Parameter(torch.tensor(Start1));
        TorchSharp.Modules.Parameter[] parameters = [p0, p1];
        using optim.Optimizer optimizer = kind switch
        {
            "sgd" => optim.SGD(parameters, arguments[0], momentum: arguments[1], weight_decay: arguments[2], nesterov: arguments[3] != 0),
            "adam" => optim.Adam(parameters, arguments[0], weight_decay: arguments[1]),
            _ => optim.AdamW(parameters, arguments[0], weight_decay: arguments[1]),
        };
        for (var step = 1; step <= 3; step++)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                p.grad = step == 1 && i == 1 ? null
                    : torch.tensor(Enumerable.Range(0, (int)p.numel()).Select(j => Gradient(step, i, j)).ToArray()).reshape(p.shape);
            }
            optimizer.step();
        }

        var actual = p0.data<float>().ToArray().Concat(p1.data<float>().ToArray()).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < actual.Length; k++)
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-6 * Math.Max(1, Math.Abs(expected[k])),
                $"{kind} [{string.Join(", ", arguments)}] element {k}: torch.optim gives {expected[k]}, ModelZoo {actual[k]}");
    }
}
