using System.Data.Common;

namespace MotCua.Infrastructure.Database;

/// <summary>A database error that passes by itself (a connection cut by a restart or a failover, a busy SQLite file): try again shortly.</summary>
public static class Transient
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
