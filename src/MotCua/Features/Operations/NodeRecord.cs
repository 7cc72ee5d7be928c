using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Operations;

/// <summary>An app node as it last said it was alive: its version, when it started, and how its background work ran.</summary>
public sealed class NodeRecord
{
    /// <summary>The machine's name and the port the node listens on (the same after a restart).</summary>
    public required string Name { get; init; }

    public required string Version { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    /// <summary>The node's recurring jobs as JSON (<c>JobRun</c>s): last run, how long, error, next run.</summary>
    public required string Jobs { get; set; }
}

internal sealed class NodeRecordConfiguration : IEntityTypeConfiguration<NodeRecord>
{
    public void Configure(EntityTypeBuilder<NodeRecord> builder)
    {
        builder.ToTable("operations_node");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Version).HasMaxLength(100);
        builder.Property(x => x.Jobs).HasMaxLength(20_000);
    }
}
