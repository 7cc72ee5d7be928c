namespace MotCua.Infrastructure.Demo;

/// <summary>Configuration section "Demo". Demo data is seeded only into an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>Whether a new demo city also gets the month before today replayed in its wards (<see cref="DemoMonth"/>): a minute or two at the first start.</summary>
    public bool Month { get; set; } = true;

    /// <summary>Whether a new demo city also gets the district's staff (about two thousand records and their rotations, as the seed reports them).</summary>
    public bool Staffing { get; set; } = true;

    /// <summary>Whether a new demo city also gets the reform office's plans, index years, findings and register.</summary>
    public bool Reform { get; set; } = true;

    public const string Password = "Demo@12345";

    /// <summary>The <c>infra_setting</c> key that marks a database holding demo data (shown on every page).</summary>
    public const string SettingKey = "demo-data";
}
