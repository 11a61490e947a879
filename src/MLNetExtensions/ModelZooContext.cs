using ModelZoo.TorchSharpAdditions;
using static TorchSharp.torch;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The starting point, as ML.NET's <c>MLContext</c>: catalogs for data, transforms and trainers, evaluation and
/// model files, sharing one seed and one device.
/// <code>
/// var ctx = new ModelZooContext(seed: 1);
/// var pipeline = ctx.Transforms.RandomHorizontalFlip().Append(ctx.Transforms.MobileNet(version: 3, variant: "small"));
/// </code>
/// </summary>
public sealed class ModelZooContext
{
    /// <summary>Creates the context and sets libtorch's thread count (a process-wide setting).</summary>
    /// <param name="seed">Root of every random stream (weights, order, augmentation, splits); null picks one at random, as ML.NET does.</param>
    /// <param name="device">"auto" (CUDA when available, else the CPU), "cpu", "cuda" or "cuda:N".</param>
    /// <param name="threads">libtorch intra-op threads; null is ModelZoo's default (every logical processor, or MODELZOO_THREADS).</param>
    /// <exception cref="ArgumentException">The device is unknown or CUDA is asked for but not available (<see cref="DevicePolicy.Resolve"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public ModelZooContext(int? seed = null, string device = "auto", int? threads = null)
    {
        ResolveDevice(device);
        Seed = seed ?? Random.Shared.Next();
        Device = device;
        Threads = ThreadPolicy.Apply(threads);
        Data = new DataCatalog(this);
        Transforms = new TransformsCatalog(this);
        MulticlassClassification = new MulticlassClassificationCatalog();
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>The seed in force.</summary>
    public int Seed { get; }

    /// <summary>The device setting: "auto", "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; }

    /// <summary>libtorch's intra-op thread count, as set by the constructor.</summary>
    public int Threads { get; }

    /// <summary>Loading and splitting image data.</summary>
    public DataCatalog Data { get; }

    /// <summary>Image transforms and the architecture estimators.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Evaluating multiclass predictions.</summary>
    public MulticlassClassificationCatalog MulticlassClassification { get; }

    /// <summary>Saving, loading and prediction engines.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>The device a setting means here (<see cref="DevicePolicy.Resolve"/>): "cuda" without CUDA is an error, not a silent fallback.</summary>
    internal static Device ResolveDevice(string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting, nameof(setting));
        return DevicePolicy.Resolve(setting);
    }
}
