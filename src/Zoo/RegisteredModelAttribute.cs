namespace ModelZoo.Zoo;

/// <summary>
/// Marks a public static factory <c>ClassificationModel F(ModelOptions? options)</c> as a zoo entry
/// under a torchvision-style snake_case name. <see cref="ModelRegistry"/> finds them by reflection,
/// so adding a variant is adding one annotated method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RegisteredModelAttribute(string name, string family) : Attribute
{
    /// <summary>The registry name, e.g. <c>mobilenet_v3_small</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The architecture family, e.g. <c>MobileNetV3</c>.</summary>
    public string Family { get; } = family;

    /// <summary>One line for listings, e.g. "ShuffleNetV1 1.0x, 3 groups".</summary>
    public string Description { get; init; } = "";
}
