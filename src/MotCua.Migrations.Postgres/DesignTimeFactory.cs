using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MotCua.Infrastructure.Database;

namespace MotCua.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseModule.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=motcua_design");
        return new AppDbContext(options.Options);
    }
}
