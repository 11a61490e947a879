using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo;

/// <summary>
/// What every architecture offers (timm's interface): features, head, a replaceable classifier
/// and the reference weight initialisation. Sub-modules are always invoked with <c>call</c> so
/// forward hooks (model summaries) see them.
/// </summary>
public abstract class ClassificationModel : ZooModule
{
    /// <summary>Validates and keeps the options.</summary>
    protected ClassificationModel(ModelOptions options)
    {
        Options = options.Validate();
        NumClasses = options.NumClasses;
    }

    /// <summary>The options the model was built with.</summary>
    public ModelOptions Options { get; }

    /// <summary>The registry name (e.g. <c>squeezenet1_1</c>), set when created through the registry.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>Classes the classifier currently predicts.</summary>
    public int NumClasses { get; protected set; }

    /// <summary>
    /// The smallest image side the network takes: 1 for the families that pad every window, more for those
    /// with unpadded convolutions and pools (SqueezeNet). The registry refuses a smaller
    /// <see cref="ModelOptions.InputSize"/> and <see cref="forward"/> a smaller image, naming both sizes.
    /// </summary>
    public virtual int MinimumInputSize => 1;

    /// <summary>Channels of the feature map the head consumes.</summary>
    public abstract int NumFeatures { get; }

    /// <summary>The backbone: image batch [N, C, H, W] to feature map [N, NumFeatures, h, w].</summary>
    public abstract Tensor ForwardFeatures(Tensor input);

    /// <summary>The head: feature map to logits [N, NumClasses] (pooling, dropout, classifier).</summary>
    public abstract Tensor ForwardHead(Tensor features);

    /// <summary>Replaces the classifier with a freshly initialised one for <paramref name="numClasses"/> classes (fine-tuning).</summary>
    public abstract void ResetClassifier(int numClasses);

    /// <summary>Number of parameter elements (optionally only trainable ones).</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());

    /// <summary>Applies the architecture's reference initialisation to every weight.</summary>
    public abstract void InitializeWeights();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        CheckInput(input);
        using var features = ForwardFeatures(input);
        return ForwardHead(features);
    }

    /// <summary>Rejects an input whose rank or channel count the model cannot take, naming both values.</summary>
    protected void CheckInput(Tensor input)
    {
        var shape = input.shape;
        if (shape.Length != 4)
            throw new ArgumentException($"{DisplayName} expects a 4-D batch [N, C, H, W] but got shape [{string.Join(", ", shape)}]");
        if (shape[1] != Options.InChannels)
            throw new ArgumentException($"{DisplayName} expects {Options.InChannels} input channel(s) but the batch has {shape[1]}");
        if (shape[2] < MinimumInputSize || shape[3] < MinimumInputSize)
            throw new ArgumentException(
                $"{DisplayName} needs images of at least {MinimumInputSize}x{MinimumInputSize} pixels{ModeNote} but the batch has {shape[2]}x{shape[3]}");
    }

    /// <summary>Throws unless <see cref="ModelOptions.InputSize"/> is at least <see cref="MinimumInputSize"/>, naming both.</summary>
    internal void RequireInputSize()
    {
        if (Options.InputSize < MinimumInputSize)
            throw new ArgumentException(
                $"{DisplayName} needs an input size of at least {MinimumInputSize} pixels{ModeNote}, got {Options.InputSize}");
    }

    private string ModeNote => MinimumInputSize > 1 ? (Options.UsesSmallInput ? " in small-input mode" : " outside small-input mode") : "";

    private string DisplayName => Name.Length > 0 ? Name : GetType().Name;
}
