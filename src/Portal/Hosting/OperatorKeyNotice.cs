namespace Consortium.Portal.Hosting;

/// <summary>
/// Tells the person who started a Development run its generated operator key, without the key ever reaching captured
/// output: a terminal shows it; when the output goes to a file, a pipe or a log collector, the key goes to a file only
/// its owner can read, and the output says where.
/// </summary>
public static class OperatorKeyNotice
{
    public const string FileName = "operator-api-key";

    public static void Tell(TextWriter output, bool outputIsTerminal, string dataDirectory, string key)
    {
        if (outputIsTerminal)
        {
            output.WriteLine($"Operator API key for this run (Authorization: Bearer ...): {key}");
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        File.Delete(path);
        var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new StreamWriter(path, owner))
        {
            file.Write(key);
        }
        output.WriteLine($"Operator API key for this run (Authorization: Bearer ...): in {path}, readable only by you");
    }
}
