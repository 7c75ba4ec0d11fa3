using Kiriwake.Cli;

return await KiriwakeCli.RunAsync(args, Console.Out, Console.Error, Console.In, CancellationToken.None);
