using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ModelZoo.Onnx.Tests;

/// <summary>Runs an exported model with ONNX Runtime (C#) on a float32 NCHW batch.</summary>
internal static class OrtRunner
{
    /// <summary>The named output for <paramref name="input"/>, as [N, classes] values.</summary>
    public static float[] Run(byte[] model, string inputName, float[] input, long[] shape, string outputName)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var tensor = new DenseTensor<float>(input, shape.Select(d => (int)d).ToArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)], [outputName]);
        return results.Single().AsTensor<float>().ToArray();
    }
}
