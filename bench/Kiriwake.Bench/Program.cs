// Entry point of the benchmarks and evaluation harnesses; each harness registers itself here.
Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kiriwake.Bench -- <harness>");
return 2;
