using System.Linq.Expressions;

namespace MotCua.Infrastructure;

/// <summary>Something valid from a day through another (or on): a unit, a membership, a procedure's office.</summary>
public interface IValidity
{
    DateOnly ValidFrom { get; }

    /// <summary>The last day it is valid; null while it has no end.</summary>
    DateOnly? ValidTo { get; }
}

/// <summary>The one rule for validity on a day, in memory and in queries (EF translates the expression).</summary>
public static class Validity
{
    public static bool IsValidOn(this IValidity item, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ValidFrom <= day && (item.ValidTo == null || item.ValidTo >= day);
    }

    /// <summary>Valid on at least one day of <paramref name="from"/>…<paramref name="to"/>.</summary>
    public static bool IsValidDuring(this IValidity item, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ValidFrom <= to && (item.ValidTo == null || item.ValidTo >= from);
    }

    public static IQueryable<T> ValidOn<T>(this IQueryable<T> query, DateOnly day)
        where T : IValidity => query.Where(On<T>(day));

    public static Expression<Func<T, bool>> On<T>(DateOnly day)
        where T : IValidity => x => x.ValidFrom <= day && (x.ValidTo == null || x.ValidTo >= day);
}
