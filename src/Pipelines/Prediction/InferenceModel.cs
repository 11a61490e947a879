using ModelZoo.Pipelines.Persistence;
using ModelZoo.TorchSharpAdditions;
using ModelZoo.Zoo;
using ModelZoo.Zoo.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Prediction;

/// <summary>
/// A model made ready for prediction: eval mode, and — for registered architectures — a copy whose batch
/// norms are folded into their convolutions and whose weights are in the layout fastest on the device.
/// The trained model itself is never changed (beyond eval mode, restored on dispose). Same outputs as the
/// plain model within float32 rounding (tested for every architecture).
/// </summary>
public sealed class InferenceModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> original;
    private readonly ClassificationModel? folded;
    private readonly bool wasTraining;

    private InferenceModel(nn.Module<Tensor, Tensor> original, ClassificationModel? folded, MemoryFormat memoryFormat)
    {
        this.original = original;
        this.folded = folded;
        MemoryFormat = memoryFormat;
        wasTraining = original.training;
        original.eval();
    }

    /// <summary>The layout inputs are given in (a folded copy's weights are in it too).</summary>
    public MemoryFormat MemoryFormat { get; }

    /// <summary>How many batch norms were folded (0 when the model could not be copied).</summary>
    public int FoldedBatchNorms { get; private init; }

    /// <summary>
    /// Prepares <paramref name="model"/> for inference on <paramref name="device"/>. With
    /// <paramref name="foldBatchNorm"/> (the default) a registered architecture is copied and folded;
    /// other modules run as they are, in eval mode. <paramref name="memoryFormat"/> null picks
    /// <see cref="MemoryFormats.Preferred"/>.
    /// </summary>
    public static InferenceModel Prepare(nn.Module<Tensor, Tensor> model, Device device, MemoryFormat? memoryFormat = null, bool foldBatchNorm = true)
    {
        var format = memoryFormat ?? MemoryFormats.Preferred(device);
        CpuAllocator.ApplyDefault(CpuAllocatorUse.Inference); // every batch frees and re-allocates the same activations
        if (!foldBatchNorm || model is not ClassificationModel source || !ModelRegistry.Default.Contains(source.Name))
            return new InferenceModel(model, null, format);
        var copy = CreateWithoutTouchingTheGlobalGenerator(source);
        try
        {
            StateDicts.Load(copy, source.state_dict());
            copy.to(device);
            copy.eval();
            foreach (var parameter in copy.parameters()) parameter.requires_grad_(false);
            int count;
            using (var example = torch.zeros([1, source.Options.InChannels, source.Options.InputSize, source.Options.InputSize], device: device))
                count = BatchNormFolding.Fold(copy, example);
            if (format == MemoryFormat.ChannelsLast) copy.to(format);
            return new InferenceModel(model, copy, format) { FoldedBatchNorms = count };
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh instance of the same architecture. Building one draws initial weights from libtorch's
    /// global generator; its state is put back, so evaluating during training changes no random stream.
    /// </summary>
    private static ClassificationModel CreateWithoutTouchingTheGlobalGenerator(ClassificationModel source)
    {
        using var state = torch.random.get_rng_state();
        try
        {
            return ModelRegistry.Default.Create(source.Name, source.Options with { NumClasses = source.NumClasses });
        }
        finally
        {
            torch.random.set_rng_state(state);
        }
    }

    /// <summary>Logits for <paramref name="input"/>; call it under inference mode, inside a dispose scope.</summary>
    public Tensor call(Tensor input) => (folded ?? original).call(input.dim() == 4 ? input.to(MemoryFormat) : input);

    /// <summary>Frees the folded copy and gives the original back its training mode.</summary>
    public void Dispose()
    {
        folded?.Dispose();
        original.train(wasTraining);
    }
}
