from aligncheck.app.cli import main

main()
