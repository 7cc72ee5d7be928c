using Microsoft.EntityFrameworkCore;
using Mono.Cecil;

namespace MotCua.Tests;

/// <summary>
/// Capabilities meet only through each other's Contracts (STYLE.md), read from the compiled types (signatures,
/// method bodies, attributes, the compiled Razor pages), not from the source text: a fully qualified name, a
/// <c>var</c> or a generic argument cannot slip past.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Lazy<Dictionary<string, HashSet<(string Type, string Target)>>> Uses = new(Read);

    /// <summary>What a capability uses of each other capability, as "type → used type" pairs, by capability.</summary>
    private static Dictionary<string, HashSet<(string Type, string Target)>> Read()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var uses = new Dictionary<string, HashSet<(string Type, string Target)>>();
        foreach (var type in module.GetTypes())
        {
            if (CapabilityOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in Referenced(type))
            {
                if (CapabilityOf(used) is { } to && to.Name != from.Name)
                {
                    var set = uses.TryGetValue(from.Name, out var s) ? s : uses[from.Name] = [];
                    set.Add((type.FullName, (to.Contracts ? "Contracts:" : "") + used.FullName));
                }
            }
        }

        return uses;
    }

    [Fact]
    public void Capabilities_use_each_other_only_through_contracts()
    {
        var violations = Uses.Value.SelectMany(p => p.Value.Where(u => !u.Target.StartsWith("Contracts:", StringComparison.Ordinal)).Select(u => $"{u.Type} uses {u.Target}")).ToList();
        Assert.Contains("Workflow", Uses.Value.Keys); // the scan sees the capabilities at all
        Assert.True(violations.Count == 0, string.Join('\n', violations.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// No two capabilities use each other: one of them owns the relation and the other hears of it by an event or
    /// answers through an interface it implements (the citizen's record lists the documents through
    /// <c>ICitizenDocuments</c>, which the document store answers).
    /// </summary>
    [Fact]
    public void No_two_capabilities_depend_on_each_other()
    {
        var graph = Uses.Value.ToDictionary(p => p.Key, p => p.Value.Select(u => CapabilityName(u.Target)).ToHashSet());
        var cycles = graph.SelectMany(p => p.Value.Where(to => string.CompareOrdinal(p.Key, to) < 0 && graph.TryGetValue(to, out var back) && back.Contains(p.Key)).Select(to => $"{p.Key}↔{to}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Empty(cycles);
        Assert.Contains("Dossiers", graph["Workflow"]); // the process owns its link to the dossier, not the other way round
        Assert.DoesNotContain("Workflow", graph["Dossiers"]);
        Assert.DoesNotContain("Intake", graph["Dossiers"]);
        Assert.DoesNotContain("Queue", graph["Dossiers"]);
        Assert.DoesNotContain("Reports", graph["Feedback"]);
        Assert.DoesNotContain("Workflow", graph["Catalog"]);
        Assert.DoesNotContain("Documents", graph["Citizens"]);
    }

    /// <summary>Those who read a dossier's history without workflow name its actions as workflow writes them.</summary>
    [Fact]
    public void The_history_names_actions_as_workflow_writes_them()
    {
        Assert.Equal(MotCua.Features.Dossiers.Contracts.DossierEvents.ResultReturned, MotCua.Infrastructure.EnumNames.Of(MotCua.Features.Workflow.Contracts.DossierAction.ReturnResult));
    }

    /// <summary>A dossier's state changes only through its own methods (and its intake): nobody else writes its fields.</summary>
    [Fact]
    public void Only_the_dossier_changes_its_state()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        const string entity = "MotCua.Features.Dossiers.Dossier";
        Assert.NotNull(module.GetType(entity));
        var sets = module.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions.Select(i => (Type: t, Operand: i.Operand as MethodReference))))
            .Where(x => x.Operand is { } m && m.Name.StartsWith("set_", StringComparison.Ordinal) && m.DeclaringType.FullName == entity)
            .ToList();
        Assert.Contains(sets, x => CapabilityOf(x.Type)?.Name == "Dossiers"); // the search sees the setters: the dossier's own methods use them
        var writers = sets.Where(x => CapabilityOf(x.Type)?.Name != "Dossiers")
            .Select(x => $"{x.Type.FullName} sets {x.Operand!.Name[4..]}")
            .Distinct().ToList();
        Assert.True(writers.Count == 0, string.Join('\n', writers));
    }

    /// <summary>
    /// A capability's tables are its own: no other capability names its entities (queries them, joins them, holds
    /// them), and no entity is in Contracts, where others could. Others read through the owner's query services.
    /// </summary>
    [Fact]
    public void No_capability_touches_another_capabilitys_tables()
    {
        using var db = new MotCua.Infrastructure.Database.SqliteAppDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<MotCua.Infrastructure.Database.SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType.FullName!).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("MotCua.Features.Dossiers.Dossier", entities);
        var inContracts = entities.Where(e => e.Contains(".Contracts.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(inContracts.Count == 0, "Entities in Contracts:\n" + string.Join('\n', inContracts));
        var violations = Uses.Value.SelectMany(p => p.Value.Where(u => entities.Contains(u.Target.Replace("Contracts:", "", StringComparison.Ordinal))).Select(u => $"{p.Key}: {u.Type} uses {u.Target}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        // Raw SQL names tables: a capability's SQL names only its own (each table is named after its owner: dossiers_…).
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Contains("dossiers_dossier", tables);
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var named = module.GetTypes()
            .Where(t => CapabilityOf(t) is not null)
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Select(i => i.Operand).OfType<string>()
                .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "[a-z]+_[a-z_]+").Select(m => m.Value))
                .Where(tables.Contains)
                .Select(name => (Capability: CapabilityOf(t)!.Name, Type: t.FullName, Table: name)))
            .Distinct().ToList();
        Assert.Contains(named, n => n is { Capability: "Queue", Table: "queue_sequence" }); // the scan sees the SQL at all
        var foreignSql = named.Where(n => !n.Table.StartsWith(n.Capability.ToLowerInvariant() + "_", StringComparison.Ordinal)).Select(n => $"{n.Type} names {n.Table}").ToList();
        Assert.True(foreignSql.Count == 0, string.Join('\n', foreignSql));
    }

    private sealed record Capability(string Name, bool Contracts);

    private static string CapabilityName(string target) => target.Replace("Contracts:", "", StringComparison.Ordinal).Split('.')[2];

    private static Capability? CapabilityOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        if (type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith("Features_", StringComparison.Ordinal))
        {
            var parts = type.Name.Split('_');
            return parts.Length > 2 && parts[1] != "Shared" ? new Capability(parts[1], false) : null;
        }

        var segments = type.Namespace.Split('.');
        return segments is ["MotCua", "Features", var name, ..] && name != "Shared" ? new Capability(name, segments.Length > 3 && segments[3] == "Contracts") : null;
    }

    /// <summary>Every type the type names: base, interfaces, attributes, members' signatures, and what its method bodies touch.</summary>
    private static List<TypeReference> Referenced(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    g.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification spec:
                    Add(spec.ElementType);
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }

        void Attributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
                a.ConstructorArguments.Select(c => c.Value).OfType<TypeReference>().ToList().ForEach(Add);
            }
        }

        void Method(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            m.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            if (m is GenericInstanceMethod g)
            {
                g.GenericArguments.ToList().ForEach(Add);
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        Attributes(type);
        type.GenericParameters.SelectMany(p => p.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            Attributes(f);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            Attributes(p);
        }

        foreach (var m in type.Methods)
        {
            Method(m);
            Attributes(m);
            m.Parameters.ToList().ForEach(Attributes);
            if (!m.HasBody)
            {
                continue;
            }

            m.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (var i in m.Body.Instructions)
            {
                switch (i.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference r:
                        Method(r);
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
