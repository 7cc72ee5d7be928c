using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// An EF compiled query (translated once, not at every call) for a hot path. EF binds a compiled query to one
/// model; the app has one, but the tests run SQLite and PostgreSQL apps in one process, so each model gets its own.
/// </summary>
/// <typeparam name="T">The delegate <c>EF.CompileAsyncQuery</c> returns.</typeparam>
public sealed class CompiledQuery<T>(Func<T> compile)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> compiled = [];

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return compiled.GetValue(db.Model, _ => compile());
    }
}
