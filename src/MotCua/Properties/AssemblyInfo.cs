[assembly: System.Resources.NeutralResourcesLanguage("vi")]
