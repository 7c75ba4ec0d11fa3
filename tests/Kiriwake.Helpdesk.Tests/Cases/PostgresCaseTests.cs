using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Tests.Postgres;

namespace Kiriwake.Helpdesk.Tests.Cases;

/// <summary>The case flow on a real throwaway PostgreSQL 15, two servers on one database: handed over on one, worked on the other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseTests(ThrowawayPostgres server)
{
    [PostgresFact]
    public async Task HandOverAnswerCloseExport_Postgres_ContractShapeReadByLearning()
    {
        var database = await server.CreateDatabaseAsync();
        await using var host = new HelpdeskHost(database.ConnectionString);
        _ = host.Server;

        await CaseScenarios.HandOverAnswerCloseExportAsync(host, database.ConnectionString);
    }
}
