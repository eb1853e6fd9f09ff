# The cluster silo (Orleans:Mode=Cluster on PostgreSQL), its health endpoints and the operators' dashboard on port 8081.
# Build from the repository root:  docker build -f deploy/docker/Silo.Dockerfile -t consortium-silo .
# Apply the schema once per upgrade: docker run --rm --env-file consortium.env consortium-silo migrate

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer is reused until a project or package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Orcid/Orcid.csproj src/Orcid/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Silo/Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Silo.csproj
COPY src/Orcid/ src/Orcid/
COPY src/Grains/ src/Grains/
COPY src/Silo/ src/Silo/
# The schema scripts are embedded in the silo (see src/Silo/Silo.csproj).
COPY deploy/sql/ deploy/sql/
RUN dotnet publish src/Silo/Silo.csproj --no-restore --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker/healthcheck.sh /usr/local/bin/healthcheck.sh
# Listen on every address of the container (appsettings.json says localhost); the image's own HTTP_PORTS would only be
# overridden by Urls, with a warning at every start, so it is emptied.
ENV Urls=http://+:8081 \
    ASPNETCORE_HTTP_PORTS= \
    HEALTHCHECK_PORT=8081
# HTTP (health, dashboard), silo-to-silo, gateway (Orleans:SiloPort, Orleans:GatewayPort).
EXPOSE 8081 11111 30000
# The images' non-root user (uid 1654); the application's files stay root's, read-only to it.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "/usr/local/bin/healthcheck.sh"]
ENTRYPOINT ["dotnet", "Consortium.Silo.dll"]
