using System.Reflection;
using System.Text.RegularExpressions;

namespace ModelZoo.Zoo;

/// <summary>One zoo entry.</summary>
public sealed record ModelEntry(string Name, string Family, string Description, Func<ModelOptions, ClassificationModel> Factory);

/// <summary>
/// Architectures by name: list (with a glob), create with options. Duplicate names are an error;
/// an unknown name is answered with the closest known ones.
/// </summary>
public sealed class ModelRegistry
{
    private readonly SortedDictionary<string, ModelEntry> entries = new(StringComparer.Ordinal);

    /// <summary>Every architecture this assembly defines.</summary>
    public static ModelRegistry Default { get; } = FromAssembly(typeof(ModelRegistry).Assembly);

    /// <summary>A registry of every <see cref="RegisteredModelAttribute"/> factory in <paramref name="assembly"/>.</summary>
    public static ModelRegistry FromAssembly(Assembly assembly)
    {
        var registry = new ModelRegistry();
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                var attribute = method.GetCustomAttribute<RegisteredModelAttribute>();
                if (attribute is null) continue;
                if (!typeof(ClassificationModel).IsAssignableFrom(method.ReturnType) ||
                    method.GetParameters() is not [{ ParameterType: var p }] || p != typeof(ModelOptions))
                    throw new InvalidOperationException(
                        $"{type.Name}.{method.Name} is registered as '{attribute.Name}' but is not ClassificationModel F(ModelOptions? options)");
                registry.Register(attribute.Name, attribute.Family, attribute.Description,
                    options => (ClassificationModel)method.Invoke(null, [options])!);
            }
        return registry;
    }

    /// <summary>Adds an entry; a name that is already taken is an error.</summary>
    public void Register(string name, string family, string description, Func<ModelOptions, ClassificationModel> factory)
    {
        if (!Regex.IsMatch(name, "^[a-z0-9_]+$"))
            throw new ArgumentException($"model name '{name}' must be snake_case (a-z, 0-9, _)", nameof(name));
        if (!entries.TryAdd(name, new ModelEntry(name, family, description, factory)))
            throw new InvalidOperationException($"model name '{name}' is registered twice");
    }

    /// <summary>Entries whose names match <paramref name="glob"/> (<c>*</c> and <c>?</c>), sorted by name.</summary>
    public IReadOnlyList<ModelEntry> List(string? glob = null)
    {
        if (string.IsNullOrEmpty(glob)) return entries.Values.ToList();
        var pattern = "^" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        return entries.Values.Where(e => Regex.IsMatch(e.Name, pattern)).ToList();
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => entries.ContainsKey(name);

    /// <summary>The entry for <paramref name="name"/>, or an <see cref="UnknownModelException"/> suggesting close names.</summary>
    public ModelEntry Get(string name) =>
        entries.TryGetValue(name, out var entry) ? entry : throw new UnknownModelException(name, Suggest(name));

    /// <summary>Builds the architecture <paramref name="name"/> with <paramref name="options"/> (defaults: 1000 classes, RGB, 224 px).</summary>
    /// <exception cref="UnknownModelException">No architecture has that name.</exception>
    /// <exception cref="ArgumentException">
    /// The options make no sense, or the input size is below the architecture's <see cref="ClassificationModel.MinimumInputSize"/>
    /// (the message names both).
    /// </exception>
    public ClassificationModel Create(string name, ModelOptions? options = null)
    {
        var entry = Get(name);
        var model = entry.Factory(options ?? new ModelOptions());
        model.Name = name;
        try
        {
            model.RequireInputSize();
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>The registered names closest to <paramref name="name"/> (edit distance, prefix matches first).</summary>
    public IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        var query = name.Trim().ToLowerInvariant().Replace('-', '_').Replace('.', '_');
        return entries.Keys
            .OrderBy(k => k.StartsWith(query, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(k => EditDistance(query, k))
            .ThenBy(k => k, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

/// <summary>An architecture name the registry does not know.</summary>
public sealed class UnknownModelException(string name, IReadOnlyList<string> suggestions)
    : ArgumentException($"unknown architecture '{name}'" +
                        (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : ""))
{
    /// <summary>The name that was asked for.</summary>
    public string RequestedName { get; } = name;

    /// <summary>The closest registered names.</summary>
    public IReadOnlyList<string> Suggestions { get; } = suggestions;
}
