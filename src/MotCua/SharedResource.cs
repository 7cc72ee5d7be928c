namespace MotCua;

/// <summary>Anchor type for the screen texts in Resources/SharedResource.*.resx (Vietnamese default, English).</summary>
public sealed class SharedResource;
