using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Data.IO;
using Microsoft.ML.Runtime;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The training label's key values (the original labels, of whatever type MapValueToKey saw), kept so that
/// <c>PredictedLabel</c> carries them and <c>MapKeyToValue</c> gives back the user's labels, also after loading.
/// </summary>
internal abstract class LabelKeyValues
{
    /// <summary>The annotation's type, e.g. <c>Vector&lt;Text, 10&gt;</c>.</summary>
    internal abstract VectorDataViewType Type { get; }

    /// <summary>The values as text, one per class: the class names.</summary>
    internal abstract IReadOnlyList<string> Names { get; }

    /// <summary>Adds the values under <paramref name="kind"/> (KeyValues, TrainingLabelValues).</summary>
    internal abstract void AddTo(DataViewSchema.Annotations.Builder builder, string kind);

    /// <summary>Writes type and values with ML.NET's binary format (<see cref="Load"/> reads them back).</summary>
    internal abstract void Save(IHostEnvironment env, Stream stream);

    /// <summary>The key values of <paramref name="label"/>, or null when it has none or not one per class.</summary>
    internal static LabelKeyValues? FromColumn(DataViewSchema.Column label, int classCount)
    {
        var annotation = label.Annotations.Schema.GetColumnOrNull(AnnotationUtils.Kinds.KeyValues);
        if (annotation?.Type is not VectorDataViewType { Size: var size } type || size != classCount) return null;
        return Create(type, nameof(LabelKeyValues<int>.Read), label.Annotations);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a vector type and value.</exception>
    internal static LabelKeyValues Load(IHostEnvironment env, Stream stream)
    {
        if (!new BinarySaver(env, new BinarySaver.Arguments()).TryLoadTypeAndValue(stream, out var type, out var value)
            || type is not VectorDataViewType vector)
            throw new InvalidDataException("the label's key values cannot be read");
        return Create(vector, nameof(LabelKeyValues<int>.FromValue), value);
    }

    private static LabelKeyValues Create(VectorDataViewType type, string factory, object source) =>
        (LabelKeyValues)typeof(LabelKeyValues<>).MakeGenericType(type.ItemType.RawType)
            .GetMethod(factory, BindingFlags.Static | BindingFlags.NonPublic)!
            .Invoke(null, [type, source])!;
}

/// <summary>Key values of item type <typeparamref name="T"/>.</summary>
internal sealed class LabelKeyValues<T>(VectorDataViewType type, VBuffer<T> values) : LabelKeyValues
{
    private readonly VBuffer<T> values = values;

    internal override VectorDataViewType Type => type;

    internal override IReadOnlyList<string> Names { get; } = values.DenseValues().Select(v => v?.ToString() ?? "").ToArray();

    internal override void AddTo(DataViewSchema.Annotations.Builder builder, string kind) =>
        builder.Add(kind, type, (ref VBuffer<T> destination) => values.CopyTo(ref destination));

    internal override void Save(IHostEnvironment env, Stream stream)
    {
        var copy = values;
        if (!new BinarySaver(env, new BinarySaver.Arguments()).TryWriteTypeAndValue(stream, type, ref copy, out _))
            throw new InvalidOperationException($"ML.NET cannot save label values of type {type}");
    }

    internal static LabelKeyValues Read(VectorDataViewType type, DataViewSchema.Annotations annotations)
    {
        VBuffer<T> values = default;
        annotations.GetValue(AnnotationUtils.Kinds.KeyValues, ref values);
        return new LabelKeyValues<T>(type, values);
    }

    internal static LabelKeyValues FromValue(VectorDataViewType type, object value) => new LabelKeyValues<T>(type, (VBuffer<T>)value);
}
