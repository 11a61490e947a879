using System.Globalization;
using System.Reflection;

namespace ModelZoo.Cli.CodeGeneration;

/// <summary>C# source text for the values trainer options hold, so emitted code states the run's settings literally.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// An object initializer's assignments for the public fields and settable properties of <paramref name="value"/>
    /// that differ from <paramref name="defaults"/>; members whose values have no literal (callbacks, data views) are
    /// left to the caller.
    /// </summary>
    internal static IEnumerable<string> Assignments(object value, object defaults)
    {
        foreach (var member in value.GetType().GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            var (type, get) = member switch
            {
                FieldInfo { IsInitOnly: false } field => (field.FieldType, (Func<object?, object?>)field.GetValue),
                PropertyInfo { CanWrite: true } property => (property.PropertyType, (Func<object?, object?>)property.GetValue),
                _ => (null, null),
            };
            if (type is null || get is null || !HasLiteral(type)) continue;
            var (current, original) = (get(value), get(defaults));
            if (Equal(current, original)) continue;
            yield return $"{member.Name} = {Of(current)},";
        }
    }

    /// <summary>The literal for <paramref name="value"/>.</summary>
    /// <exception cref="NotSupportedException">A type without a literal form here.</exception>
    internal static string Of(object? value) => value switch
    {
        null => "null",
        string text => "@\"" + text.Replace("\"", "\"\"") + "\"",
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        Enum choice => $"{choice.GetType().Name}.{choice}",
        double[] numbers => "[" + string.Join(", ", numbers.Select(n => Of(n))) + "]",
        _ when value.GetType().GetConstructor(Type.EmptyTypes) is { } constructor && value.GetType().IsClass =>
            $"new {value.GetType().Name} {{ {string.Join(" ", Assignments(value, constructor.Invoke(null)))} }}",
        _ => throw new NotSupportedException($"no C# literal for a {value.GetType().Name}"),
    };

    private static bool HasLiteral(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(double[])
               || inner.IsClass && !typeof(Delegate).IsAssignableFrom(inner) && inner.Namespace?.StartsWith("ModelZoo", StringComparison.Ordinal) == true
               && inner.GetConstructor(Type.EmptyTypes) is not null;
    }

    private static bool Equal(object? a, object? b) =>
        a is double[] x && b is double[] y ? x.SequenceEqual(y) : Equals(a, b);
}
