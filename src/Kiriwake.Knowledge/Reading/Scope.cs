namespace Kiriwake.Knowledge.Reading;

/// <summary>Where an entry is: its file, line and id, for the problems found in it.</summary>
internal readonly record struct Scope(string File, int Line, string? Id);
